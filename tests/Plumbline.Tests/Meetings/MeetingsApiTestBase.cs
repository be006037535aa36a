using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;
using Plumbline.Tests.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>Meetings (issue 17): the proposed debrief, the agendas built from the data, decisions on recommendations, roles and bad input.</summary>
public abstract class MeetingsApiTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected static string Error(System.Text.Json.JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    protected static readonly DateOnly Visit = new(2026, 3, 2);

    protected static readonly DateOnly Strategy = new(2027, 3, 4);

    protected static async Task<Features.ClientEnvironment.ContactDetails> ContactAsync(HttpClient admin, Guid clientId, object body) =>
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/contacts", body))
            .ReadAsync<Features.ClientEnvironment.ContactDetails>(HttpStatusCode.Created);
}

