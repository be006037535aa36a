namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>The fields a time entry is made of, in the order the mapping step lists them.</summary>
public enum TimeEntryField { ExternalId, Company, Date, Hours, WorkType, Board, TicketType }

/// <summary>
/// How one CSV layout names its columns. Each field lists the header names it accepts (compared case-insensitively, ignoring
/// spaces, underscores, dots, slashes and hyphens). A saved mapping has exactly one name per field and may give a date format.
/// </summary>
public sealed record PsaLayout(string Source, string Title, IReadOnlyDictionary<TimeEntryField, string[]> Columns, string? DateFormat = null,
    string[]? TicketIdColumns = null)
{
    public static readonly TimeEntryField[] Required = [TimeEntryField.ExternalId, TimeEntryField.Company, TimeEntryField.Date, TimeEntryField.Hours];

    /// <summary>The normalised form used to compare header names: "Hours Worked", "hours_worked" and "hoursWorked" are the same.</summary>
    public static string Normalize(string header) =>
        new(header.Trim().Trim('\uFEFF').Where(c => c is not (' ' or '_' or '.' or '/' or '-' or '\t')).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>
/// The built-in layouts. Column names are the ones each vendor documents for its time entries, in its API and in the column
/// headings of its time entry lists and reports:
/// <list type="bullet">
/// <item>ConnectWise PSA (Manage) time/entries: id, company (company/name), timeStart, dateEntered, actualHours, workType (workType/name);
/// list and report headings "Time RecId", "Company", "Date", "Hours", "WIP Hrs", "Work Type", "Board", "Ticket Type".
/// The board and ticket type come from the ticket the time was charged to.</item>
/// <item>Autotask TimeEntries: id, dateWorked, hoursWorked, billingCode (the work type), plus the report headings "Time Entry ID",
/// "Organization" / "Account" / "Company", "Date Worked", "Hours Worked", "Work Type", "Queue", "Ticket Type" / "Issue Type".</item>
/// <item>HaloPSA actions: id (the action number), ticket_id, client_name, actiondatecreated, timetaken, plus the report headings
/// "Action ID", "Ticket ID", "Client", "Date", "Time Taken", "Charge Type", "Team", "Ticket Type" / "Request Type". An action
/// number is unique only within its ticket, so when the ticket id is present the external id is "ticket-action".</item>
/// </list>
/// </summary>
public static class PsaLayouts
{
    public const string ApiSource = "api";

    public static readonly PsaLayout Generic = new("generic", "Generic (Plumbline)", new Dictionary<TimeEntryField, string[]>
    {
        [TimeEntryField.ExternalId] = ["externalId"],
        [TimeEntryField.Company] = ["client"],
        [TimeEntryField.Date] = ["date"],
        [TimeEntryField.Hours] = ["hours"],
        [TimeEntryField.WorkType] = ["workType"],
        [TimeEntryField.Board] = ["board"],
        [TimeEntryField.TicketType] = ["ticketType"],
    });

    public static readonly PsaLayout ConnectWise = new("connectwise", "ConnectWise PSA", new Dictionary<TimeEntryField, string[]>
    {
        [TimeEntryField.ExternalId] = ["id", "Time RecId", "Time Rec Id", "TimeRecID", "Time Entry ID", "Time Entry RecID"],
        [TimeEntryField.Company] = ["company/name", "company", "Company Name", "Company ID", "company/identifier"],
        [TimeEntryField.Date] = ["timeStart", "Time Start", "Date", "dateEntered", "Date Entered", "Date Start"],
        [TimeEntryField.Hours] = ["actualHours", "Actual Hours", "Hours", "WIP Hrs", "Hours Worked", "Hours Actual"],
        [TimeEntryField.WorkType] = ["workType/name", "workType", "Work Type"],
        [TimeEntryField.Board] = ["board", "Board", "Service Board", "ticket/board/name", "Board Name"],
        [TimeEntryField.TicketType] = ["Ticket Type", "ticketType", "ticket/type/name", "Service Type", "type", "Type"],
    });

    public static readonly PsaLayout Autotask = new("autotask", "Autotask", new Dictionary<TimeEntryField, string[]>
    {
        [TimeEntryField.ExternalId] = ["id", "Time Entry ID", "TimeEntryID", "Time Entry Id"],
        [TimeEntryField.Company] = ["Organization", "Organization Name", "Account", "Account Name", "Company", "Company Name", "companyName"],
        [TimeEntryField.Date] = ["dateWorked", "Date Worked", "Worked Date", "Date"],
        [TimeEntryField.Hours] = ["hoursWorked", "Hours Worked", "Worked Hours", "Hours"],
        [TimeEntryField.WorkType] = ["Work Type", "billingCode", "Billing Code", "billingCodeName", "Billing Code Name"],
        [TimeEntryField.Board] = ["Queue", "Queue Name", "queue"],
        [TimeEntryField.TicketType] = ["Ticket Type", "ticketType", "Issue Type", "issueType"],
    });

    public static readonly PsaLayout Halo = new("halo", "HaloPSA", new Dictionary<TimeEntryField, string[]>
    {
        [TimeEntryField.ExternalId] = ["Action ID", "actionid", "action_id", "Action Number", "id"],
        [TimeEntryField.Company] = ["client_name", "Client", "Client Name", "Customer", "Customer Name"],
        [TimeEntryField.Date] = ["actiondatecreated", "Action Date", "Date", "datetime", "Date Created", "actioncompletiondate"],
        [TimeEntryField.Hours] = ["timetaken", "Time Taken", "Time Taken (Hours)", "Hours", "Hours Worked", "actualhours"],
        [TimeEntryField.WorkType] = ["Charge Type", "chargetype", "chargetype_name", "Charge Rate", "Work Type"],
        [TimeEntryField.Board] = ["Team", "team", "Team Name", "Section"],
        [TimeEntryField.TicketType] = ["Ticket Type", "tickettype_name", "tickettype", "Request Type", "requesttype_name"],
    }, TicketIdColumns: ["ticket_id", "Ticket ID", "Ticket Number", "faultid", "Ticket"]);

    public static readonly IReadOnlyList<PsaLayout> BuiltIn = [Generic, ConnectWise, Autotask, Halo];

    /// <summary>The names a saved mapping cannot take, because the built-in layouts and the API use them as sources.</summary>
    public static readonly IReadOnlySet<string> ReservedSources = new HashSet<string>(BuiltIn.Select(l => l.Source).Append(ApiSource));

    public static PsaLayout? Find(string? format) => BuiltIn.FirstOrDefault(l => string.Equals(l.Source, format?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string FieldLabel(TimeEntryField field) => field switch
    {
        TimeEntryField.ExternalId => "External id",
        TimeEntryField.Company => "Company (client)",
        TimeEntryField.Date => "Date",
        TimeEntryField.Hours => "Hours",
        TimeEntryField.WorkType => "Work type",
        TimeEntryField.Board => "Board or queue",
        _ => "Ticket type",
    };

    /// <summary>The field's name in API messages and mapping JSON.</summary>
    public static string FieldName(TimeEntryField field) => field switch
    {
        TimeEntryField.ExternalId => "externalId",
        TimeEntryField.Company => "company",
        TimeEntryField.Date => "date",
        TimeEntryField.Hours => "hours",
        TimeEntryField.WorkType => "workType",
        TimeEntryField.Board => "board",
        _ => "ticketType",
    };
}
