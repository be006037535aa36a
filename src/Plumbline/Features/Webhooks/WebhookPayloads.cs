using System.Text.Json;
using System.Text.Json.Serialization;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// The body of every webhook: the event's id, its name and when it happened, then the event's <c>data</c>. Each event has
/// its own record below, so the OpenAPI document can publish one schema per event (ADR-013).
/// </summary>
public abstract record WebhookPayload
{
    /// <summary>camelCase, enums as strings, dates as YYYY-MM-DD and times as UTC with a "Z".</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected WebhookPayload(string @event) => Event = @event;

    /// <summary>
    /// The event's id: the same on every retry and redelivery and for every webhook that gets the event, and the value of the
    /// <c>webhook-id</c> header. Receivers drop an id they have already processed.
    /// </summary>
    [JsonPropertyOrder(-3)]
    public Guid Id { get; init; }

    /// <summary>The event's name, such as <c>handoff.created</c>; also in the <c>X-Plumbline-Event</c> header.</summary>
    [JsonPropertyOrder(-2)]
    public string Event { get; }

    /// <summary>When the change happened (UTC). A retry keeps it; the <c>webhook-timestamp</c> header is the time of the attempt.</summary>
    [JsonPropertyOrder(-1)]
    public DateTime OccurredAt { get; init; }

    /// <summary>The same payload with its links made absolute from <c>App:PublicUrl</c>.</summary>
    internal abstract WebhookPayload WithLinks(PublicUrl urls);

    /// <summary>Fixes the id, the time and the links: what the outbox stores and every attempt sends.</summary>
    internal string Serialize(Guid id, DateTime occurredAt, PublicUrl urls) =>
        JsonSerializer.Serialize(WithLinks(urls) with { Id = id, OccurredAt = occurredAt }, GetType(), Json);
}

/// <summary>Links every event's data carries: absolute URLs built from <c>App:PublicUrl</c>, never from a request's Host header.</summary>
public abstract record WebhookLinks
{
    /// <summary>The page a person opens in Plumbline for this item.</summary>
    [JsonPropertyOrder(1)]
    public string Url { get; init; } = "";

    /// <summary>The item in the API (<c>GET</c> it with a token for the full, current details).</summary>
    [JsonPropertyOrder(2)]
    public string ApiUrl { get; init; } = "";
}

/// <summary>The data of <c>handoff.created</c>: the hand-off as the list shows it, with its links.</summary>
/// <param name="Id">The hand-off's id.</param>
/// <param name="Area">The queue it was routed to: Vcio, ServiceDesk, ProfessionalServices, CentralizedServices, DesignDesk, StandardsCommittee or Tam.</param>
/// <param name="Title">What needs doing, in a few words.</param>
/// <param name="Details">More about it; may be empty.</param>
/// <param name="ClientId">The client it is for.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="Status">Open, InProgress or Done.</param>
/// <param name="OwnerUserId">Who works it, if anyone yet.</param>
/// <param name="OwnerName">The owner's name.</param>
/// <param name="CreatedByUserId">Who created it.</param>
/// <param name="CreatedByName">Their name.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="DoneAt">When it was finished (UTC), if it is.</param>
/// <param name="ReviewId">The review it came from, if any.</param>
/// <param name="StandardId">The standard (question) it is about, if any.</param>
/// <param name="StandardCode">That standard's code.</param>
/// <param name="FindingId">The finding it came from, if any.</param>
/// <param name="VisitId">The visit it came from, if any.</param>
/// <param name="Version">The concurrency token a PATCH of the hand-off sends back.</param>
/// <param name="Priority">How urgent it is: High, Medium or Low.</param>
/// <param name="DueOn">When it should be done (YYYY-MM-DD), if a date was set.</param>
/// <param name="PsaTicket">The PSA ticket number it is tracked under, if any.</param>
public sealed record HandoffCreatedData(Guid Id, [property: StringEnum<Handoffs.HandoffArea>] string Area, string Title, string Details,
    Guid ClientId, string ClientName, [property: StringEnum<Handoffs.HandoffStatus>] string Status,
    string? OwnerUserId, string? OwnerName, string? CreatedByUserId, string CreatedByName, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? DoneAt, Guid? ReviewId, Guid? StandardId, string? StandardCode, Guid? FindingId, Guid? VisitId, Guid Version,
    [property: StringEnum<Standards.Priority>] string Priority, DateOnly? DueOn, string? PsaTicket) : WebhookLinks
{
    /// <summary>The client's page.</summary>
    [JsonPropertyOrder(3)]
    public string ClientUrl { get; init; } = "";

    internal HandoffCreatedData Linked(PublicUrl u) =>
        this with { Url = u.For($"/handoffs/{Id}"), ApiUrl = u.For($"/api/v1/handoffs/{Id}"), ClientUrl = u.For($"/clients/{ClientId}") };
}

/// <summary>The data of <c>review.submitted</c> and <c>review.completed</c>.</summary>
/// <param name="ReviewId">The review's id.</param>
/// <param name="ClientId">The client reviewed.</param>
/// <param name="Title">The review's title.</param>
/// <param name="Status">Its status after the change: Submitted or Completed.</param>
/// <param name="AsOf">The visit day the review describes (YYYY-MM-DD).</param>
/// <param name="TamUserId">The TAM who answered it.</param>
/// <param name="VcioUserId">The vCIO who rates it.</param>
/// <param name="ItemCount">How many questions it has.</param>
/// <param name="AnsweredCount">How many are answered.</param>
/// <param name="SubmittedAt">When the TAM submitted it (UTC).</param>
/// <param name="CompletedAt">When the vCIO completed it (UTC).</param>
public sealed record ReviewEventData(Guid ReviewId, Guid ClientId, string Title, [property: StringEnum<Reviews.ReviewStatus>] string Status,
    DateOnly AsOf, string? TamUserId, string? VcioUserId,
    int ItemCount, int AnsweredCount, DateTime? SubmittedAt, DateTime? CompletedAt) : WebhookLinks
{
    /// <summary>The client's page.</summary>
    [JsonPropertyOrder(3)]
    public string ClientUrl { get; init; } = "";

    internal ReviewEventData Linked(PublicUrl u) =>
        this with { Url = u.For($"/reviews/{ReviewId}"), ApiUrl = u.For($"/api/v1/reviews/{ReviewId}"), ClientUrl = u.For($"/clients/{ClientId}") };
}

/// <summary>The data of <c>recommendation.approved</c>.</summary>
/// <param name="RecommendationId">The recommendation's id.</param>
/// <param name="ClientId">The client who approved it.</param>
/// <param name="Title">What is recommended.</param>
/// <param name="OneTimeCost">The one-time cost.</param>
/// <param name="RecurringMonthlyCost">The cost per month.</param>
/// <param name="TargetQuarter">The fiscal quarter it is planned for (FY2027-Q1), if any.</param>
/// <param name="ApprovedBy">Who recorded the approval.</param>
public sealed record RecommendationApprovedData(Guid RecommendationId, Guid ClientId, string Title, decimal OneTimeCost, decimal RecurringMonthlyCost,
    string? TargetQuarter, string ApprovedBy) : WebhookLinks
{
    /// <summary>The client's page.</summary>
    [JsonPropertyOrder(3)]
    public string ClientUrl { get; init; } = "";

    internal RecommendationApprovedData Linked(PublicUrl u) =>
        this with
        {
            Url = u.For($"/recommendations/{RecommendationId}"),
            ApiUrl = u.For($"/api/v1/recommendations/{RecommendationId}"),
            ClientUrl = u.For($"/clients/{ClientId}")
        };
}

/// <summary>The data of <c>visit.completed</c>.</summary>
/// <param name="VisitId">The visit's id.</param>
/// <param name="ClientId">The client visited.</param>
/// <param name="TamUserId">The TAM who made the visit.</param>
/// <param name="Date">The visit's day (YYYY-MM-DD).</param>
/// <param name="Onsite">Whether the TAM was on site.</param>
/// <param name="ReviewId">The review made on the visit, if any.</param>
/// <param name="NextVisitId">The next visit, confirmed by completing this one, if chosen.</param>
/// <param name="NextVisitDate">That visit's day.</param>
public sealed record VisitCompletedData(Guid VisitId, Guid ClientId, string TamUserId, DateOnly Date, bool Onsite, Guid? ReviewId, Guid? NextVisitId,
    DateOnly? NextVisitDate) : WebhookLinks
{
    /// <summary>The client's page.</summary>
    [JsonPropertyOrder(3)]
    public string ClientUrl { get; init; } = "";

    /// <summary>The visit summary for the client (HTML; add <c>?format=pdf</c> for a PDF).</summary>
    [JsonPropertyOrder(4)]
    public string SummaryUrl { get; init; } = "";

    internal VisitCompletedData Linked(PublicUrl u) => this with
    {
        Url = u.For($"/visits/{VisitId}"),
        ApiUrl = u.For($"/api/v1/visits/{VisitId}"),
        ClientUrl = u.For($"/clients/{ClientId}"),
        SummaryUrl = u.For($"/reports/visits/{VisitId}/summary"),
    };
}

/// <summary>The data of <c>webhook.test</c>, which an admin sends to check a receiver.</summary>
/// <param name="WebhookId">The webhook the test was sent to.</param>
/// <param name="Message">What the event is for.</param>
public sealed record WebhookTestData(Guid WebhookId, string Message) : WebhookLinks
{
    internal WebhookTestData Linked(PublicUrl u) =>
        this with { Url = u.For($"/settings/webhooks/{WebhookId}"), ApiUrl = u.For($"/api/v1/webhooks/{WebhookId}") };
}

/// <summary><c>handoff.created</c>: a hand-off was created.</summary>
public sealed record HandoffCreatedPayload(HandoffCreatedData Data) : WebhookPayload(WebhookEvents.HandoffCreated)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary><c>review.submitted</c>: a TAM submitted a review to the vCIO.</summary>
public sealed record ReviewSubmittedPayload(ReviewEventData Data) : WebhookPayload(WebhookEvents.ReviewSubmitted)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary><c>review.completed</c>: the vCIO completed a review.</summary>
public sealed record ReviewCompletedPayload(ReviewEventData Data) : WebhookPayload(WebhookEvents.ReviewCompleted)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary><c>recommendation.approved</c>: the client approved a recommendation.</summary>
public sealed record RecommendationApprovedPayload(RecommendationApprovedData Data) : WebhookPayload(WebhookEvents.RecommendationApproved)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary>The data of <c>proposal.accepted</c>.</summary>
/// <param name="ProposalId">The proposal's id.</param>
/// <param name="ClientId">The client who accepted it.</param>
/// <param name="Title">The proposal's title.</param>
/// <param name="Version">The sent version that was accepted.</param>
/// <param name="AcceptedBy">Who accepted for the client.</param>
/// <param name="AcceptedAt">When it was recorded (UTC).</param>
/// <param name="OneTimePrice">The one-time price, labour included.</param>
/// <param name="RecurringMonthlyPrice">The price per month of the recurring lines.</param>
/// <param name="RecommendationIds">The recommendations it prices; they are now Approved.</param>
/// <param name="HandoffId">The hand-off to professional services that carries the steps.</param>
/// <param name="TargetQuarter">The fiscal quarter the work is planned for (FY2027-Q1), if any.</param>
public sealed record ProposalAcceptedData(Guid ProposalId, Guid ClientId, string Title, int Version, string AcceptedBy, DateTime AcceptedAt,
    decimal OneTimePrice, decimal RecurringMonthlyPrice, IReadOnlyList<Guid> RecommendationIds, Guid HandoffId, string? TargetQuarter) : WebhookLinks
{
    /// <summary>The client's page.</summary>
    [JsonPropertyOrder(3)]
    public string ClientUrl { get; init; } = "";

    internal ProposalAcceptedData Linked(PublicUrl u) =>
        this with
        {
            Url = u.For($"/design-desk/proposals/{ProposalId}"),
            ApiUrl = u.For($"/api/v1/proposals/{ProposalId}"),
            ClientUrl = u.For($"/clients/{ClientId}")
        };
}

/// <summary><c>proposal.accepted</c>: the client accepted a priced proposal.</summary>
public sealed record ProposalAcceptedPayload(ProposalAcceptedData Data) : WebhookPayload(WebhookEvents.ProposalAccepted)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary><c>visit.completed</c>: a TAM completed a visit.</summary>
public sealed record VisitCompletedPayload(VisitCompletedData Data) : WebhookPayload(WebhookEvents.VisitCompleted)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}

/// <summary><c>webhook.test</c>: an admin checking a receiver.</summary>
public sealed record WebhookTestPayload(WebhookTestData Data) : WebhookPayload(WebhookEvents.Test)
{
    internal override WebhookPayload WithLinks(PublicUrl urls) => this with { Data = Data.Linked(urls) };
}
