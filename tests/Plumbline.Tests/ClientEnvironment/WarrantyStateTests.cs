using Plumbline.Features.ClientEnvironment;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>An asset's warranty state on a day, and the words a review shows for it.</summary>
public sealed class WarrantyStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Theory]
    [InlineData(null, WarrantyState.Unknown, "warranty unknown")]
    [InlineData("2026-12-04", WarrantyState.Expired, "out of warranty")]
    [InlineData("2026-12-05", WarrantyState.EndsSoon, "expires within 90 days")]
    [InlineData("2027-03-05", WarrantyState.EndsSoon, "expires within 90 days")]
    [InlineData("2027-03-06", WarrantyState.InWarranty, "in warranty")]
    public void The_state_follows_the_warranty_end(string? endsOn, WarrantyState expected, string words)
    {
        var state = AssetRules.Warranty(endsOn is null ? null : DateOnly.Parse(endsOn), Today);

        Assert.Equal((expected, words), (state, AssetRules.WarrantyText(state)));
    }
}
