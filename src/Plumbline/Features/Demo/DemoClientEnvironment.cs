using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Meetings;
using Plumbline.Features.Recommendations;

namespace Plumbline.Features.Demo;

/// <summary>
/// What the practice knows about the first demo clients (issue 17): contacts with a decision maker and a primary contact, an office,
/// assets whose warranties, ends of life and renewals fall over the next three years, project types on the roadmap, a held debrief with
/// minutes and a decision, and a planned strategy meeting. Deterministic: the same clients get the same people, devices and dates
/// (relative to the day the demo loads).
/// </summary>
public sealed class DemoClientEnvironment(AppDbContext db, MeetingService meetings, TimeProvider clock)
{
    /// <summary>How many clients (by name) get an environment; the others show the empty states.</summary>
    public const int Clients = 3;

    private static readonly (string Name, string Title, string Phone, bool DecisionMaker, bool Primary)[][] People =
    [
        [("Morgan Reyes", "Chief executive", "+1 555 0110", true, false), ("Jamie Ortiz", "Office manager", "+1 555 0111", false, true),
            ("Chris Patel", "Finance lead", "+1 555 0112", false, false)],
        [("Dr Lena Hart", "Practice owner", "+1 555 0120", true, false), ("Sofia Brandt", "Practice manager", "+1 555 0121", false, true)],
        [("Owen Marsh", "Chief operating officer", "+1 555 0130", true, false), ("Priya Nair", "IT coordinator", "+1 555 0131", false, true),
            ("Tom Becker", "Branch manager", "+1 555 0132", false, false)],
    ];

    private static readonly (AssetKind Kind, string Name, string Manufacturer, string Model, decimal? AnnualCost)[] Catalogue =
    [
        (AssetKind.Workstation, "Laptop", "Lenovo", "ThinkPad T14", null),
        (AssetKind.Workstation, "Desktop", "Dell", "OptiPlex 7010", null),
        (AssetKind.Workstation, "Laptop", "HP", "EliteBook 840", null),
        (AssetKind.Server, "Server", "Dell", "PowerEdge R650", null),
        (AssetKind.Network, "Firewall", "Fortinet", "FortiGate 60F", 420m),
        (AssetKind.Network, "Switch", "Aruba", "CX 6100", null),
        (AssetKind.Printer, "Printer", "Brother", "MFC-L8900", null),
        (AssetKind.Software, "Microsoft 365 Business Premium", "Microsoft", "Business Premium", 5280m),
        (AssetKind.Cloud, "Backup storage", "Backblaze", "B2", 960m),
        (AssetKind.Mobile, "Phone", "Apple", "iPhone 15", null),
    ];

    private static readonly ProjectType?[] ProjectTypes = [ProjectType.CatchUp, ProjectType.InScope, null, ProjectType.OutOfScope, ProjectType.Opportunistic];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Name).Take(Clients).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        for (var i = 0; i < clients.Count; i++)
        {
            var (id, name) = (clients[i].Id, clients[i].Name);
            var domain = new string(name.ToLowerInvariant().Where(char.IsLetter).Take(12).ToArray()) + ".example";
            foreach (var p in People[i])
                db.Add(new Contact
                {
                    ClientId = id,
                    Name = p.Name,
                    Title = p.Title,
                    Phone = p.Phone,
                    IsDecisionMaker = p.DecisionMaker,
                    IsPrimary = p.Primary,
                    Email = p.Name.Split(' ')[^2].ToLowerInvariant().Replace(".", "") + "@" + domain,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            db.Add(new Site
            {
                ClientId = id,
                Name = "Head office",
                AddressLine1 = $"{120 + 40 * i} Harbour Street",
                City = "Springfield",
                Postcode = $"6{i}401",
                Country = "United States",
                CreatedAt = now,
                UpdatedAt = now,
            });
            db.AddRange(Assets(id, 12 + 9 * i, i, today, now));
            await db.SaveChangesAsync(ct);

            var recommendations = await db.Recommendations.Where(r => r.ClientId == id).OrderBy(r => r.Title).ToListAsync(ct);
            for (var r = 0; r < recommendations.Count; r++) recommendations[r].ProjectType = ProjectTypes[(r + i) % ProjectTypes.Length];
            await db.SaveChangesAsync(ct);
            await MeetingsAsync(id, recommendations.FirstOrDefault(r => r.Status != RecommendationStatus.Draft)?.Id, today, ct);
        }
    }

    /// <summary>Devices and subscriptions with dates spread over the next three years (and a few already past), the same every time.</summary>
    private static IEnumerable<Asset> Assets(Guid clientId, int count, int client, DateOnly today, DateTime now)
    {
        for (var k = 0; k < count; k++)
        {
            var item = Catalogue[(k * 3 + client) % Catalogue.Length];
            var subscription = item.Kind is AssetKind.Software or AssetKind.Cloud;
            var warranty = today.AddDays((k * 97 + client * 41) % 1095 - 60);
            var asset = new Asset
            {
                ClientId = clientId,
                Kind = item.Kind,
                Name = $"{item.Name} {k + 1:00}",
                Manufacturer = item.Manufacturer,
                Model = item.Model,
                SerialNumber = subscription ? "" : $"SN{client + 1}{k + 1:000}{(k * 7919) % 10000:0000}",
                PurchasedOn = subscription ? null : warranty.AddYears(-3),
                WarrantyEndsOn = subscription ? null : warranty,
                EndOfLifeOn = subscription || k % 3 != 0 ? null : warranty.AddMonths(6 + k % 12),
                RenewsOn = subscription || item.AnnualCost is not null ? today.AddDays((k * 53 + client * 17) % 365 + 14) : null,
                AnnualCost = item.AnnualCost,
                CreatedAt = now,
                UpdatedAt = now,
            };
            asset.Search = $"{asset.Name} {asset.SerialNumber}".Trim().ToLowerInvariant();
            yield return asset;
        }
    }

    /// <summary>
    /// The debrief proposed for the client's last delivered review is moved to the week after that review and held, with minutes and a
    /// decision; a strategy meeting is planned three weeks ahead (it invites the client's decision maker).
    /// </summary>
    private async Task MeetingsAsync(Guid clientId, Guid? recommendationId, DateOnly today, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.ClientId == clientId && r.AsOf <= today.AddDays(-14))
            .OrderByDescending(r => r.AsOf).Select(r => new { r.Id, r.AsOf }).FirstOrDefaultAsync(ct);
        var debrief = review is null ? null : await db.Meetings.AsNoTracking()
            .Where(m => m.ReviewId == review.Id && m.Kind == MeetingKind.TamVcioDebrief).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        // The demo's history drops the proposed debriefs of reviews already past the vCIO, so the held one is planned here.
        if (review is not null && debrief is null)
            debrief = (await meetings.CreateAsync(new MeetingRequest(nameof(MeetingKind.TamVcioDebrief), clientId, review.Id, review.AsOf.AddDays(7)),
                ct)).Value?.Id;
        if (review is not null && debrief is { } debriefId)
        {
            await meetings.UpdateAsync(debriefId, new MeetingUpdate(Date: review.AsOf.AddDays(7), StartsAt: new TimeOnly(15, 0)), ct);
            await meetings.UpdateAsync(debriefId, new MeetingUpdate(Status: nameof(MeetingStatus.Held), Minutes:
                "Went through the No answers of the review.\nThe backups are the biggest risk: the vCIO brings a fix to the next strategy meeting.\n" +
                "The TAM checks the firewall's firmware on the next visit."), ct);
            await meetings.DecideAsync(debriefId, new MeetingDecisionRequest(
                "Put the top recommendation on the agenda of the next strategy meeting.", recommendationId, nameof(DecisionOutcome.None)),
                "Val Vcio", true, ct);
        }
        var day = today.AddDays(21);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        await meetings.CreateAsync(new MeetingRequest(nameof(MeetingKind.ClientStrategy), clientId, null, day, new TimeOnly(16, 0), 90,
            nameof(MeetingStatus.Planned)), ct);
    }
}
