namespace Plumbline.Features.Clients.Pages;

/// <summary>The template page's fields: the ticked (applying) parts of the library and the exception rows.</summary>
public sealed class TemplateForm
{
    public List<Guid> Sections { get; set; } = [];
    public List<Guid> Categories { get; set; } = [];
    public List<Guid> Standards { get; set; } = [];
    /// <summary>The standards the page showed, so one activated meanwhile is not taken as unticked.</summary>
    public string? Listed { get; set; }
    public List<ExceptionRow> Exceptions { get; set; } = [];

    public IEnumerable<Guid> ListedIds() =>
        (Listed ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty);

    /// <summary>Always offer two empty rows to add an exception.</summary>
    public void Pad()
    {
        Exceptions = Exceptions.Where(r => !r.IsEmpty).ToList();
        for (var i = 0; i < 2; i++) Exceptions.Add(new ExceptionRow());
    }
}

public sealed class ExceptionRow
{
    public string? Code { get; set; }
    public string? Reason { get; set; }
    /// <summary>Who at the client accepted the risk (optional).</summary>
    public string? AcceptedBy { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool Remove { get; set; }
    /// <summary>Shown, not posted: who in our team recorded the stored exception, when, and from which review.</summary>
    public ExceptionDetails? Stored { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Reason) && string.IsNullOrWhiteSpace(AcceptedBy) && ExpiresOn is null;
}

/// <summary>One active standard in the template tree.</summary>
public sealed record TemplateStandard(Guid Id, Guid CategoryId, string Code, string Title);
