namespace Plumbline.Features.Committee;

/// <summary>How pages name proposals.</summary>
public static class ProposalText
{
    public static string Kind(ProposalKind kind) => kind switch
    {
        ProposalKind.New => "New standard",
        ProposalKind.Change => "Change to",
        _ => "Retire",
    };

    public static string Evidence(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Answer => "Review answer",
        EvidenceKind.Flag => "Question flag",
        EvidenceKind.Finding => "Finding",
        _ => "Hand-off",
    };
}
