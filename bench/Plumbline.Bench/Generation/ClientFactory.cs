using Plumbline.Features.Clients;

namespace Plumbline.Bench.Generation;

/// <summary>A generated client and what the history needs to know about it.</summary>
public sealed class ClientPlan
{
    public required Client Client { get; init; }
    public required Person Tam { get; init; }
    public required Person Vcio { get; init; }
    /// <summary>The day of the newest review (planned when in the future, in progress otherwise).</summary>
    public required DateOnly LastAsOf { get; init; }
    /// <summary>Share of standards the client met at its first review.</summary>
    public required double Maturity { get; init; }
    public Guid? ExcludedCategoryId { get; init; }
    public List<(ClientException Exception, DateTime Since)> Exceptions { get; } = [];
}

/// <summary>Clients of a large provider: sizes, contracts, assigned people, and a few client templates.</summary>
public static class ClientFactory
{
    public static List<ClientPlan> Create(int count, List<Person> tams, List<Person> vcios, List<LibraryStandard> library,
        DateTime libraryDate, DateTime now, Random random)
    {
        var today = DateOnly.FromDateTime(now);
        var names = new HashSet<string>();
        var categories = library.Select(s => s.CategoryId).Distinct().ToList();
        var plans = new List<ClientPlan>(count);
        // Clients were signed up over the first month of the library's life, so Ids (version 7) follow CreatedAt.
        var created = Enumerable.Range(0, count).Select(_ => libraryDate.AddMinutes(random.Next(1, 30 * 24 * 60))).Order().ToList();
        for (var i = 0; i < count; i++)
        {
            string name;
            do name = $"{Pick(Words.CompanyWords, random)} {Pick(Words.CompanyKinds, random)} {Pick(Words.CompanySuffixes, random)}";
            while (!names.Add(name) && names.Count < 6000);
            var seats = random.Next(5, 300);
            var start = DateOnly.FromDateTime(libraryDate).AddDays(-random.Next(0, 730));
            var client = new Client
            {
                Id = Guid.CreateVersion7(created[i]),
                Name = name,
                NameSearch = name.ToLowerInvariant(),
                Status = ClientStatus.Active,
                Mrr = Math.Round((decimal)(1500 + random.NextDouble() * 38500), 2),
                Seats = seats,
                Workstations = Math.Max(1, seats - random.Next(0, seats / 5 + 1)),
                Servers = random.Next(0, 13),
                StorageGb = random.Next(100, 20000),
                ContractStart = start,
                ContractEnd = random.Next(5) == 0 ? null : start.AddMonths(36 * (1 + random.Next(2))),
                SalesRep = $"{Pick(Words.FirstNames, random)} {Pick(Words.LastNames, random)}",
                TamUserId = tams[i % tams.Count].Id,
                VcioUserId = vcios[i % vcios.Count].Id,
                FiscalYearStartMonth = random.Next(10) < 7 ? 1 : 1 + 3 * random.Next(1, 4),
                VisitsPerYear = random.Next(5) == 0 ? 4 * random.Next(1, 4) : null,
                CreatedAt = created[i],
                UpdatedAt = created[i],
            };
            var plan = new ClientPlan
            {
                Client = client,
                Tam = tams[i % tams.Count],
                Vcio = vcios[i % vcios.Count],
                LastAsOf = today.AddDays(-45 + random.Next(90)),
                Maturity = 0.72 + random.NextDouble() * 0.25,
                ExcludedCategoryId = random.Next(100) < 8 ? categories[random.Next(categories.Count)] : null,
            };
            if (random.Next(100) < 5)
            {
                var candidates = library.Where(s => s.CategoryId != plan.ExcludedCategoryId).ToList();
                foreach (var standard in candidates.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
                    plan.Exceptions.Add((new ClientException
                    {
                        ClientId = client.Id,
                        StandardId = standard.Id,
                        Reason = Pick(Words.ExceptionReasons, random),
                        ExpiresOn = today.AddDays(random.Next(30, 365)),
                        AcceptedBy = Pick(Words.ClientSignatories, random),
                        RecordedBy = plan.Vcio.Name,
                    }, now.AddDays(-random.Next(30, 540))));
            }
            plans.Add(plan);
        }
        return plans;
    }

    public static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
