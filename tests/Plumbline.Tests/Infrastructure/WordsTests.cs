using System.Net;
using Plumbline.Features.Reviews;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>Code names read as words, and counts agree with their nouns.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData("InProgress", "In progress")]
    [InlineData("HighlyVulnerable", "Highly vulnerable")]
    [InlineData("NoOne", "No one")]
    [InlineData("StartTls", "Start TLS")]
    [InlineData("Vcio", "vCIO")]
    [InlineData("RecoveryCodes", "Recovery codes")]
    [InlineData("Active", "Active")]
    public void A_code_name_reads_as_words(string name, string words) => Assert.Equal(words, Words.Of(name));

    [Fact]
    public void An_enum_value_reads_as_words() => Assert.Equal("In progress", Words.Of(ReviewStatus.InProgress));

    [Theory]
    [InlineData("TamUserId", "TAM")]
    [InlineData("CategoryId", "Category")]
    [InlineData("TimeZoneId", "Time zone")]
    [InlineData("PsaCompanyId", "PSA company")]
    [InlineData("Mrr", "MRR")]
    public void A_field_holding_an_id_is_named_after_the_item(string field, string words) => Assert.Equal(words, Words.Field(field));

    [Theory]
    [InlineData(0, "0 clients")]
    [InlineData(1, "1 client")]
    [InlineData(2400, "2,400 clients")]
    public void A_count_agrees_with_its_noun(int count, string text) => Assert.Equal(text, Words.Plural(count, "client", "clients"));
}

/// <summary>Pages say "In progress" and "1 client matches", never "InProgress" or "1 clients match".</summary>
public abstract class LabelPagesTests(PlumblineFactory factory)
{
    [Fact]
    public async Task One_client_found_reads_as_one_client_that_matches()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var html = await (await admin.GetAsync($"/clients?q={Uri.EscapeDataString(client.Name)}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("1 client matches your filters", html);
    }

    [Fact]
    public async Task One_standard_found_reads_as_one_standard_that_matches()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync()).Id));

        var html = await (await admin.GetAsync($"/library?q={Uri.EscapeDataString(standard.Code)}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("1 standard matches your filters", html);
    }

    [Fact]
    public async Task Status_filters_offer_words_and_keep_the_code_names_as_values()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var recommendations = await (await admin.GetAsync($"/clients/{client.Id}/recommendations")).ExpectAsync(HttpStatusCode.OK);
        var audit = await (await admin.GetAsync("/audit")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<option value=\"InProgress\">In progress</option>", recommendations);
        Assert.DoesNotContain(">InProgress<", recommendations);
        Assert.Contains("<option value=\"RecoveryCodes\">Recovery codes</option>", audit);
        Assert.Contains("<option value=\"AppUser\">User</option>", audit);
    }
}

public sealed class LabelPagesOnSqlite(SqliteFactory factory) : LabelPagesTests(factory), IClassFixture<SqliteFactory>;

public sealed class LabelPagesOnPostgres(PostgresFactory factory) : LabelPagesTests(factory), IClassFixture<PostgresFactory>;
