using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Clients;

/// <summary>What an onboarding client has been asked so far and what its next review adds (PRODUCT.md, Onboarding; ADR-030).</summary>
public sealed record OnboardingCoverage(Guid ClientId, ClientStatus Status, int Total, int Asked, IReadOnlyList<string> AskedCategories,
    IReadOnlyList<string> NextCategories, bool Complete, int CategoriesPerVisit);

/// <summary>The provider's onboarding plan: the starting set of categories and how many more each later visit adds.</summary>
public sealed record OnboardingSettingsDetails(IReadOnlyList<Guid> StartingCategoryIds, int CategoriesPerVisit);

/// <summary>Change the onboarding plan; a field left out (null) keeps its value. startingCategoryIds [] starts with the first categories.</summary>
public sealed record OnboardingSettingsRequest(List<Guid>? StartingCategoryIds = null, int? CategoriesPerVisit = null);

/// <summary>The categories one step of an onboarding plan covers, each list in library order.</summary>
public sealed record OnboardingStep(IReadOnlyList<Guid> Asked, IReadOnlyList<Guid> NextScope, IReadOnlyList<Guid> Next)
{
    public bool Complete(int total) => Asked.Count >= total;
}

/// <summary>The onboarding rule, without I/O (PRODUCT.md, Onboarding; ADR-030).</summary>
public static class OnboardingRules
{
    public const int DefaultCategoriesPerVisit = 2;
    public const int MaxCategoriesPerVisit = 50;
    public const int MaxStartingCategories = 500;

    /// <summary>
    /// The first review asks the starting set (the configured categories the client's template has; the first
    /// <paramref name="perVisit"/> categories when none of them apply); each later review adds the next <paramref name="perVisit"/>
    /// categories in library order. <paramref name="completedReviews"/> is how many reviews of the client the TAM has submitted.
    /// </summary>
    public static OnboardingStep Plan(IReadOnlyList<Guid> template, IReadOnlyCollection<Guid> starting, int perVisit, int completedReviews)
    {
        perVisit = Math.Clamp(perVisit, 1, MaxCategoriesPerVisit);
        var start = template.Where(starting.Contains).ToList();
        if (start.Count == 0) start = [.. template.Take(perVisit)];
        var rest = template.Where(c => !start.Contains(c)).ToList();
        List<Guid> Covered(int reviews)
        {
            if (reviews <= 0) return [];
            var added = (long)perVisit * (reviews - 1);
            var set = start.Concat(rest.Take((int)Math.Min(added, rest.Count))).ToHashSet();
            return [.. template.Where(set.Contains)];
        }
        var asked = Covered(completedReviews);
        var scope = Covered(completedReviews + 1);
        return new OnboardingStep(asked, scope, [.. scope.Except(asked)]);
    }

    public static IReadOnlyList<Guid> ParseIds(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct()];

    public static string FormatIds(IEnumerable<Guid> ids) => string.Join(',', ids.Distinct());
}

/// <summary>Reads and keeps the onboarding plan, and works out each onboarding client's coverage.</summary>
public sealed class OnboardingPlan(AppDbContext db, ClientScope scope, ProviderSettingsService settings, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<OnboardingSettingsDetails> SettingsAsync(CancellationToken ct)
    {
        var row = await db.ProviderSettings.AsNoTracking().Where(s => s.Id == ProviderSettings.SingletonId)
            .Select(s => new { s.OnboardingStartingCategoryIds, s.OnboardingCategoriesPerVisit }).FirstOrDefaultAsync(ct);
        return row is null ? new OnboardingSettingsDetails([], OnboardingRules.DefaultCategoriesPerVisit)
            : new OnboardingSettingsDetails(OnboardingRules.ParseIds(row.OnboardingStartingCategoryIds), row.OnboardingCategoriesPerVisit);
    }

    public async Task<Outcome<OnboardingSettingsDetails>> SaveSettingsAsync(OnboardingSettingsRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (r.CategoriesPerVisit is < 1 or > OnboardingRules.MaxCategoriesPerVisit)
            e["categoriesPerVisit"] = [$"Add from 1 to {OnboardingRules.MaxCategoriesPerVisit} categories a visit."];
        var ids = r.StartingCategoryIds?.Distinct().ToList();
        if (ids is { Count: > OnboardingRules.MaxStartingCategories })
            e["startingCategoryIds"] = [$"Choose at most {OnboardingRules.MaxStartingCategories} categories."];
        else if (ids is { Count: > 0 })
        {
            var known = await db.Categories.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            var unknown = ids.Except(known).ToList();
            if (unknown.Count > 0)
                e["startingCategoryIds"] = [$"{unknown.Count} of the categories do not exist in the library: {string.Join(", ", unknown.Take(5))}."];
        }
        if (e.Count > 0) return new(default, e);
        var row = await settings.EditAsync(ct);
        if (ids is not null) row.OnboardingStartingCategoryIds = OnboardingRules.FormatIds(ids);
        if (r.CategoriesPerVisit is { } perVisit) row.OnboardingCategoriesPerVisit = perVisit;
        await db.SaveChangesAsync(ct);
        return Outcome<OnboardingSettingsDetails>.Ok(await SettingsAsync(ct));
    }

    /// <summary>The client's coverage today; null when there is no such client.</summary>
    public async Task<OnboardingCoverage?> CoverageAsync(Guid clientId, CancellationToken ct)
    {
        var status = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => (ClientStatus?)c.Status).FirstOrDefaultAsync(ct);
        if (status is null) return null;
        var (template, step, perVisit) = await StepAsync(clientId, Today, ct);
        var names = await db.Categories.AsNoTracking().Where(c => template.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new OnboardingCoverage(clientId, status.Value, template.Count, step.Asked.Count, [.. step.Asked.Select(id => names[id])],
            [.. step.Next.Select(id => names[id])], step.Complete(template.Count), perVisit);
    }

    /// <summary>The categories the client's next review asks (the onboarding hook of a new review's scope).</summary>
    public async Task<HashSet<Guid>> NextScopeAsync(Guid clientId, DateOnly asOf, CancellationToken ct) =>
        [.. (await StepAsync(clientId, asOf, ct)).Step.NextScope];

    private async Task<(List<Guid> Template, OnboardingStep Step, int PerVisit)> StepAsync(Guid clientId, DateOnly on, CancellationToken ct)
    {
        var plan = await SettingsAsync(ct);
        var template = (await scope.ApplicableAsync(clientId, on, ct)).Select(s => s.CategoryId).Distinct().ToList();
        var completed = await db.Reviews.CountAsync(r => r.ClientId == clientId && !ReviewStatusRules.Open.Contains(r.Status), ct);
        return (template, OnboardingRules.Plan(template, [.. plan.StartingCategoryIds], plan.CategoriesPerVisit, completed), plan.CategoriesPerVisit);
    }
}
