using System.Text.Json.Nodes;

namespace Plumbline.Tests.Security;

// The table of good values FuzzCases builds its plausible bodies from, kept apart from the case generation.
public sealed partial class FuzzCases
{
    /// <summary>
    /// Valid values for fields whose rules the schema cannot say (enums kept as strings, formats checked in code), so the
    /// plausible body passes validation and each case changes one field of an otherwise good request.
    /// </summary>
    private static readonly Dictionary<string, Func<string, JsonNode?>> GoodValues = new(StringComparer.Ordinal)
    {
        ["name"] = op => $"Fuzzed {op} {Guid.NewGuid():N}"[..(op.Length + 15)],
        ["title"] = op => $"Fuzzed {op}",
        ["email"] = _ => $"fuzz-{Guid.NewGuid():N}@provider.test",
        ["password"] = _ => "correct horse battery staple",
        ["roles"] = _ => new JsonArray("ReadOnly"),
        ["code"] = _ => $"FZ-{Guid.NewGuid():N}"[..10].ToUpperInvariant(),
        ["status"] = op => op switch { "updateHandoff" => "InProgress", "createRecommendation" or "updateRecommendation" => "Proposed", _ => "Active" },
        ["priority"] = _ => "High",
        ["answer"] = _ => "Yes",
        ["rating"] = _ => "Aligned",
        ["reason"] = op => op == "flagQuestion" ? "Unclear" : "Agreed with the client",
        ["kind"] = op => op switch
        {
            "addVisitItem" or "updateVisitItem" => "Ticket",
            "createClientAsset" or "updateClientAsset" => "Server",
            "createStandardProposal" => "New",
            "createMeeting" => "ClientStrategy",
            "addProposalLine" or "updateProposalLine" => "Hardware",
            _ => "Technology",
        },
        ["area"] = _ => "ServiceDesk",
        ["decision"] = _ => "Approved",
        ["color"] = _ => "#1f5f8b",
        ["url"] = _ => "http://127.0.0.1:9/hook",
        ["events"] = _ => new JsonArray("handoff.created"),
        // Two years on: planning next year would replace the planned visit the other operations aim at.
        ["year"] = _ => DateTime.UtcNow.Year + 2,
        ["question"] = _ => "Is the firewall's firmware on a supported release?",
        ["standardIds"] = _ => null,
        ["findingId"] = _ => null,
        ["newRecommendationTitle"] = _ => null,
        ["noVisitWeekdays"] = _ => new JsonArray("Friday"),
        ["targetQuarter"] = _ => $"FY{DateTime.UtcNow.Year + 1}-Q1",
        ["templateId"] = _ => null,
        ["findingIds"] = _ => new JsonArray(),
        ["excludedSectionIds"] = _ => new JsonArray(),
        ["excludedCategoryIds"] = _ => new JsonArray(),
        ["excludedStandardIds"] = _ => new JsonArray(),
        ["exceptions"] = _ => new JsonArray(),
        ["tags"] = _ => new JsonArray("fuzz"),
        ["ownerUserId"] = _ => null,
        ["recommendationId"] = _ => null,
        ["fiscalYearStartMonth"] = _ => 1,
        ["startsAt"] = _ => "10:00:00",
        ["relatedStandardIds"] = _ => new JsonArray(),
        ["replacedByStandardId"] = _ => null,
        ["startingCategoryIds"] = _ => new JsonArray(),
        ["evidence"] = _ => new JsonArray(),
        ["handoffId"] = _ => null,
        ["quarter"] = _ => $"FY{DateTime.UtcNow.Year + 1}-Q1",
    };
}
