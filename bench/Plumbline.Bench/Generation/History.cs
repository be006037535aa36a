using Plumbline.Features.Clients;
using Plumbline.Features.Notifications;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;

namespace Plumbline.Bench.Generation;

/// <summary>
/// Plays a provider's quarterly reviews forward in time, client by client in visit order, doing what ReviewService and
/// ReviewWorkflow do: pin revisions, copy the previous answer, answer, submit (Yes is Aligned, findings open and close),
/// rate, complete and deliver. Review items are handed out as each review is finished; everything else is kept.
/// </summary>
public sealed class History(List<LibraryStandard> library, DateTime now, Random random)
{
    /// <summary>What the vCIO does with a finding, decided when it opens and kept while it stays open.</summary>
    private enum Remedy { Recommendation, AcceptedRisk, RatingOnly }

    private sealed class ClientState(int standards)
    {
        public readonly Answer?[] Truth = new Answer?[standards];
        public readonly bool[] NotApplicable = new bool[standards];
        public readonly (Answer Answer, string Note, DateOnly AsOf, int Revision)?[] Last = new (Answer, string, DateOnly, int)?[standards];
        public readonly Dictionary<Guid, (Finding Finding, Remedy Remedy)> Open = [];
    }

    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private readonly Random _budget = new(7);
    private readonly Dictionary<Guid, string> _titles = library.ToDictionary(s => s.Id, s => s.Title);

    public List<Review> Reviews { get; } = [];
    public List<Finding> Findings { get; } = [];
    public List<Recommendation> Recommendations { get; } = [];
    public List<Notification> Notifications { get; } = [];
    public List<QuestionFlag> Flags { get; } = [];

    public void Run(List<ClientPlan> clients, int quarters, Action<List<ReviewItem>> emit)
    {
        var states = clients.ToDictionary(c => c.Client.Id, _ => new ClientState(library.Count));
        foreach (var state in states.Values)
            for (var i = 0; i < library.Count; i++) state.NotApplicable[i] = random.Next(100) < 3;
        var byVisit = clients.OrderBy(c => c.LastAsOf).ToList();
        for (var q = 0; q < quarters; q++)
            foreach (var plan in byVisit)
                emit(Review(plan, states[plan.Client.Id], plan.LastAsOf.AddMonths(-3 * (quarters - 1 - q)), q, quarters));
    }

    private List<ReviewItem> Review(ClientPlan plan, ClientState state, DateOnly asOf, int q, int quarters)
    {
        var created = Min(At(asOf.AddDays(-14), 8), now.AddHours(-1)).AddMinutes(random.Next(0, 120));
        var status = q < quarters - 2 ? ReviewStatus.Delivered
            : q == quarters - 2 ? (random.Next(20) switch { 0 => ReviewStatus.Submitted, 1 => ReviewStatus.Completed, _ => ReviewStatus.Delivered })
            : asOf <= _today ? ReviewStatus.InProgress : ReviewStatus.Planned;
        var review = new Review
        {
            Id = Guid.CreateVersion7(created),
            ClientId = plan.Client.Id,
            Title = $"{plan.Client.Name} review {asOf:d MMM yyyy}",
            Status = status,
            AsOf = asOf,
            TamUserId = plan.Tam.Id,
            VcioUserId = plan.Vcio.Id,
            TamDueOn = asOf,
            VcioDueOn = asOf.AddDays(14),
            CreatedAt = created,
        };
        Reviews.Add(review);

        var items = Create(plan, state, review);
        var toAnswer = status switch
        {
            ReviewStatus.Planned => 0,
            ReviewStatus.InProgress => (int)(items.Count * (0.1 + random.NextDouble() * 0.85)),
            _ => items.Count,
        };
        var answeredAt = At(asOf, 9).AddMinutes(random.Next(0, 60));
        foreach (var (item, index) in items.Take(toAnswer).Where(x => x.Item.Answer is null))
        {
            answeredAt = Min(answeredAt.AddSeconds(random.Next(10, 90)), now.AddMinutes(-1));
            AnswerItem(item, state, index, plan, answeredAt);
        }
        review.ItemCount = items.Count;
        review.AnsweredCount = items.Count(x => x.Item.Answer is not null);
        if (status >= ReviewStatus.Submitted) Submit(plan, state, review, items.Select(x => x.Item).ToList(), q, quarters);
        return items.Select(x => x.Item).ToList();
    }

    /// <summary>ReviewService.ItemsForAsync: the current revision, the previous answer, and N/A for an accepted exception.</summary>
    private List<(ReviewItem Item, int Index)> Create(ClientPlan plan, ClientState state, Review review)
    {
        var items = new List<(ReviewItem, int)>(library.Count);
        for (var i = 0; i < library.Count; i++)
        {
            var s = library[i];
            if (s.CategoryId == plan.ExcludedCategoryId) continue;
            var item = new ReviewItem
            {
                Id = Guid.CreateVersion7(review.CreatedAt),
                ReviewId = review.Id,
                ClientId = review.ClientId,
                AsOf = review.AsOf,
                StandardId = s.Id,
                Revision = s.RevisionAt(review.CreatedAt),
                SectionId = s.SectionId,
                CategoryId = s.CategoryId,
                Priority = s.Priority,
                Order = items.Count,
            };
            if (state.Last[i] is { } p)
            {
                item.PreviousAnswer = p.Answer; item.PreviousNote = p.Note; item.PreviousAnsweredOn = p.AsOf; item.PreviousRevision = p.Revision;
            }
            var exception = plan.Exceptions.FirstOrDefault(x => x.Exception.StandardId == s.Id && x.Since <= review.CreatedAt
                && x.Exception.ExpiresOn >= review.AsOf).Exception;
            if (exception is not null)
            {
                item.Answer = Answer.NotApplicable;
                item.Note = $"Accepted exception until {exception.ExpiresOn:d MMM yyyy}: {exception.Reason}";
                item.AnsweredAt = review.CreatedAt;
                item.AnsweredBy = ReviewItem.AnsweredByException;
                item.Except(exception);
            }
            items.Add((item, i));
        }
        return items;
    }

    /// <summary>The TAM's answer (ReviewWorkflow.AnswerAsync): mostly Yes, some No with a note, a few N/A. Standards drift between visits.</summary>
    private void AnswerItem(ReviewItem item, ClientState state, int index, ClientPlan plan, DateTime at)
    {
        Answer answer;
        if (state.NotApplicable[index]) answer = Answer.NotApplicable;
        else
        {
            var met = state.Truth[index] switch
            {
                null => random.NextDouble() < plan.Maturity,
                Answer.No => random.Next(100) < 35,
                _ => random.Next(1000) >= 25,
            };
            answer = met ? Answer.Yes : Answer.No;
            state.Truth[index] = answer;
        }
        item.Answer = answer;
        item.Note = answer switch
        {
            Answer.No when item.PreviousAnswer == Answer.No && !item.PreviousNote.StartsWith("Still open") && random.Next(2) == 0
                => "Still open: " + item.PreviousNote,
            Answer.No => ClientFactory.Pick(Words.NoNotes, random),
            Answer.Yes => random.Next(100) < 8 ? ClientFactory.Pick(Words.YesNotes, random) : "",
            _ => ClientFactory.Pick(Words.NotApplicableNotes, random),
        };
        item.AnsweredAt = at;
        item.AnsweredBy = plan.Tam.Name;
        item.Version = random.Next(100) < 4 ? 3 : 2;
        state.Last[index] = (answer, item.Note, item.AsOf, item.Revision);
    }

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    /// <summary>
    /// RateAsync with an accepted risk (ClientExceptions.AcceptAsync): the client's exception for the standard, new or renewed,
    /// with who accepted it and a year's expiry, so later reviews answer it N/A until it runs out, as the app does.
    /// </summary>
    private ClientException AcceptRisk(ClientPlan plan, Review review, Guid standardId, DateTime rated)
    {
        var exception = plan.Exceptions.Select(x => x.Exception).FirstOrDefault(x => x.StandardId == standardId);
        if (exception is null)
        {
            exception = new ClientException { ClientId = plan.Client.Id, StandardId = standardId, ReviewId = review.Id };
            plan.Exceptions.Add((exception, rated));
        }
        exception.Reason = ClientFactory.Pick(Words.AcceptedRisks, random);
        exception.AcceptedBy = ClientFactory.Pick(Words.ClientSignatories, random);
        exception.ExpiresOn = review.AsOf.AddYears(1);
        exception.RecordedBy = plan.Vcio.Name;
        exception.RecordedAt = rated;
        return exception;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateTime Later(DateTime from, int minHours, int maxHours) => Min(from.AddMinutes(random.Next(minHours * 60, maxHours * 60)), now.AddMinutes(-1));

    /// <summary>ReviewWorkflow.SubmitAsync, then RateAsync for every No, CompleteAsync and DeliverAsync as far as the review's status goes.</summary>
    private void Submit(ClientPlan plan, ClientState state, Review review, List<ReviewItem> items, int q, int quarters)
    {
        var submitted = Later(At(review.AsOf, 15), 0, 48);
        review.SubmittedAt = submitted;
        foreach (var item in items.Where(i => i.Answer == Answer.Yes)) { item.Rating = Rating.Aligned; item.RatedAt = submitted; item.RatedBy = "automatic"; }
        foreach (var item in items.Where(i => i.Answer is Answer.Yes or Answer.No))
        {
            state.Open.TryGetValue(item.StandardId, out var open);
            if (item.Answer == Answer.No)
            {
                if (open.Finding is null)
                {
                    open = (new Finding
                    {
                        Id = Guid.CreateVersion7(submitted),
                        ClientId = review.ClientId,
                        StandardId = item.StandardId,
                        OpenedOn = review.AsOf,
                        OpenedReviewId = review.Id
                    },
                        random.Next(100) switch { < 70 => Remedy.Recommendation, < 85 => Remedy.AcceptedRisk, _ => Remedy.RatingOnly });
                    Findings.Add(open.Finding);
                    state.Open[item.StandardId] = open;
                }
                open.Finding.LastSeenOn = review.AsOf;
                open.Finding.LastReviewId = review.Id;
            }
            else if (open.Finding is not null)
            {
                open.Finding.ResolvedOn = review.AsOf;
                open.Finding.ResolvedReviewId = review.Id;
                state.Open.Remove(item.StandardId);
            }
        }
        if (random.Next(100) < 8 && items.Where(i => i.Answer is not null).ToList() is { Count: > 0 } answered)
        {
            var flagged = answered[random.Next(answered.Count)];
            Flags.Add(new QuestionFlag
            {
                Id = Guid.CreateVersion7(flagged.AnsweredAt!.Value),
                ReviewId = review.Id,
                StandardId = flagged.StandardId,
                Revision = flagged.Revision,
                Reason = (FlagReason)random.Next(2),
                Comment = ClientFactory.Pick(Words.FlagComments, random),
                CreatedAt = flagged.AnsweredAt.Value,
                CreatedBy = plan.Tam.Name,
                Closed = q < quarters - 3,
            });
        }
        if (review.Status == ReviewStatus.Submitted)
        {
            Notify(plan.Vcio, $"{review.Title} was submitted and is waiting for your ratings.", $"/reviews/{review.Id}/vcio", submitted, null);
            return;
        }

        var rated = submitted;
        foreach (var item in items.Where(i => i.Answer == Answer.No))
        {
            var (finding, remedy) = state.Open[item.StandardId];
            rated = Later(rated, 0, 6);
            item.Rating = finding.Rating is { } kept && random.Next(100) < 80 ? kept : RatingFor(item.Priority);
            if (remedy == Remedy.Recommendation)
            {
                if (finding.RecommendationId is null)
                {
                    // Created by title from the vCIO pass (RateAsync), then priced and placed on the roadmap by the vCIO.
                    var recommendation = new Recommendation
                    {
                        Id = Guid.CreateVersion7(rated),
                        ClientId = review.ClientId,
                        Title = $"{_titles[item.StandardId]}: remediation",
                        Priority = item.Priority,
                        CreatedAt = rated,
                        UpdatedAt = rated,
                    };
                    Price(recommendation, review.AsOf, plan.Client.FiscalYearStartMonth);
                    Recommendations.Add(recommendation);
                    finding.RecommendationId = recommendation.Id;
                }
                item.RecommendationId = finding.RecommendationId;
            }
            else if (remedy == Remedy.AcceptedRisk) item.Except(AcceptRisk(plan, review, item.StandardId, rated));
            item.RatedAt = rated;
            item.RatedBy = plan.Vcio.Name;
            finding.Rating = item.Rating;
            finding.RecommendationId = item.RecommendationId;
            finding.AcceptedRiskReason = item.AcceptedRiskReason;
        }
        Notify(plan.Vcio, $"{review.Title} was submitted and is waiting for your ratings.", $"/reviews/{review.Id}/vcio", submitted, rated);
        review.CompletedAt = Later(rated, 1, 24);
        var recent = q >= quarters - 2;
        Notify(plan.Tam, $"{review.Title} was completed by the vCIO.", $"/reviews/{review.Id}", review.CompletedAt.Value,
            recent && random.Next(2) == 0 ? null : Later(review.CompletedAt.Value, 1, 48));
        if (review.Status == ReviewStatus.Delivered) review.DeliveredAt = Later(review.CompletedAt.Value, 24, 240);
    }

    /// <summary>
    /// Costs, a status and (for most) a quarter up to two years after the review, so roadmaps and their reports have
    /// something to add up. A random source of its own leaves the rest of the generated data as it was.
    /// </summary>
    private void Price(Recommendation r, DateOnly asOf, int fiscalYearStartMonth)
    {
        r.OneTimeCost = _budget.Next(2, 400) * 50m;
        r.RecurringMonthlyCost = _budget.Next(2) == 0 ? 0 : _budget.Next(1, 80) * 5m;
        r.LaborHours = _budget.Next(1, 60);
        r.Status = (RecommendationStatus)_budget.Next((int)RecommendationStatus.Proposed, (int)RecommendationStatus.InProgress + 1);
        if (_budget.Next(10) < 8) r.Target = FiscalQuarter.Containing(asOf.AddMonths(3 * _budget.Next(0, 8)), fiscalYearStartMonth);
    }

    private Rating RatingFor(Priority priority)
    {
        var roll = random.Next(100);
        var (vulnerable, marginal) = priority switch { Priority.High => (55, 40), Priority.Medium => (25, 60), _ => (10, 55) };
        return roll < vulnerable ? Rating.HighlyVulnerable : roll < vulnerable + marginal ? Rating.Marginal : Rating.Aligned;
    }

    private void Notify(Person to, string message, string link, DateTime at, DateTime? read) =>
        Notifications.Add(new Notification { Id = Guid.CreateVersion7(at), UserId = to.Id, Message = message, Link = link, CreatedAt = at, ReadAt = read });
}
