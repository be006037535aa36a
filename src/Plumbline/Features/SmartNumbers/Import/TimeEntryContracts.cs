namespace Plumbline.Features.SmartNumbers.Import;

public sealed record TimeEntryInput(string? ExternalId, Guid? ClientId, DateOnly? Date, decimal? Hours, string? WorkType, string? Board, string? TicketType);

public sealed record TimeEntriesRequest(List<TimeEntryInput?>? Entries, string? Source);

public sealed record MatchCompanyRequest(string? Company, Guid? ClientId);
