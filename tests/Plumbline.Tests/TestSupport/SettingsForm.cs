namespace Plumbline.Tests.TestSupport;

/// <summary>The provider settings page's form as tests post it: valid values for every required field, plus the fields a test changes.</summary>
public static class SettingsForm
{
    /// <param name="changes">Fields by their name on the form without the "Form." prefix, e.g. ("TimeZoneId", "Europe/London").</param>
    public static Dictionary<string, string> With(params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.ProviderName"] = "Northwind IT Partners",
            ["Form.BrandColor"] = "#1f5f8b",
            ["Form.CurrencySymbol"] = "$",
            ["Form.MrrPerMonthlyVisit"] = "4000",
            ["Form.DefaultWorkingDaysPerYear"] = "225",
            ["Form.WeightHigh"] = "5",
            ["Form.WeightMedium"] = "3",
            ["Form.WeightLow"] = "1",
            ["Form.TwoFactorRequirement"] = "NoOne",
        };
        foreach (var (field, value) in changes) form["Form." + field] = value;
        return form;
    }
}
