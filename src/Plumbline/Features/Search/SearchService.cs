using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Search;

/// <summary>One thing the header search found: what it is called, a line under it, and where it opens.</summary>
public sealed record SearchHit(string Title, string Detail, string Link);

/// <summary>One kind of thing (clients, reviews...) with the first hits and how many there are in all.</summary>
public sealed record SearchGroup(string Kind, string Heading, IReadOnlyList<SearchHit> Hits, int Total, string? AllLink);

/// <summary>
/// The header search: clients, reviews, recommendations and standards whose name, title (or, for a standard, code, question or
/// tag) holds the words typed, case-insensitive. It finds only what the person may open: every signed-in person may read these
/// four (their pages need no role beyond signing in), and the search page itself needs a signed-in person.
/// </summary>
public sealed class SearchService(AppDbContext db)
{

    public const int PerGroup = 8;
    public const int MaxLength = 100;

    public async Task<IReadOnlyList<SearchGroup>> SearchAsync(string? text, CancellationToken ct)
    {
        var q = (text ?? "").Trim().ToLowerInvariant();
        if (q.Length == 0) return [];
        if (q.Length > MaxLength) q = q[..MaxLength];
        var escaped = Uri.EscapeDataString(text!.Trim());

        var clients = db.Clients.AsNoTracking().Where(c => c.NameSearch.Contains(q));
        var clientHits = await clients.OrderBy(c => c.NameSearch).Take(PerGroup)
            .Select(c => new { c.Id, c.Name, c.Status }).ToListAsync(ct);

        var reviews = db.Reviews.AsNoTracking()
            .Where(r => r.Title.ToLower().Contains(q) || db.Clients.Any(c => c.Id == r.ClientId && c.NameSearch.Contains(q)));
        var reviewHits = await reviews.OrderByDescending(r => r.AsOf).ThenBy(r => r.Id).Take(PerGroup)
            .Select(r => new { r.Id, r.Title, r.Status, r.AsOf, Client = db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var recommendations = db.Recommendations.AsNoTracking()
            .Where(r => r.Title.ToLower().Contains(q) || db.Clients.Any(c => c.Id == r.ClientId && c.NameSearch.Contains(q)));
        var recommendationHits = await recommendations.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Take(PerGroup)
            .Select(r => new { r.Id, r.Title, r.Status, Client = db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var standards = db.Standards.AsNoTracking().Where(s => s.SearchText.Contains(q));
        var standardHits = await standards.OrderBy(s => s.Code).Take(PerGroup).Select(s => new { s.Id, s.Code, s.Title, s.Status }).ToListAsync(ct);

        return
        [
            new("clients", "Clients", clientHits.Select(c => new SearchHit(c.Name, c.Status.ToString(), $"/clients/{c.Id}")).ToList(),
                await CountAsync(clients, clientHits.Count, ct), $"/clients?q={escaped}"),
            new("reviews", "Reviews", reviewHits.Select(r => new SearchHit(r.Title,
                $"{r.Client} · {r.Status.Label()} · {Infrastructure.Format.Date(r.AsOf)}", $"/reviews/{r.Id}")).ToList(),
                await CountAsync(reviews, reviewHits.Count, ct), $"/reviews?q={escaped}"),
            new("recommendations", "Recommendations", recommendationHits.Select(r => new SearchHit(r.Title, $"{r.Client} · {r.Status.Label()}",
                $"/recommendations/{r.Id}")).ToList(), await CountAsync(recommendations, recommendationHits.Count, ct), null),
            new("standards", "Standards", standardHits.Select(s => new SearchHit($"{s.Code} {s.Title}", s.Status.ToString(),
                $"/library/standards/{s.Id}")).ToList(), await CountAsync(standards, standardHits.Count, ct), $"/library?q={escaped}"),
        ];
    }

    /// <summary>Counting only when a group filled its first page: most searches find a few things.</summary>
    private static async Task<int> CountAsync<T>(IQueryable<T> query, int found, CancellationToken ct) =>
        found < PerGroup ? found : await query.CountAsync(ct);
}

public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddScoped<SearchService>();
}
