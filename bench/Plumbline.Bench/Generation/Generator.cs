using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Reviews;

namespace Plumbline.Bench.Generation;

public sealed record GeneratorOptions(int Clients = 1000, int Standards = 400, int Quarters = 12, int Tams = 20, int Vcios = 10, int Seed = 20261126);

/// <summary>
/// A large provider's database: the app makes the schema (its migrations), the starter library and the users; the rest is
/// generated in memory and bulk loaded. Prints what it made and how long each step took.
/// </summary>
public static class Generator
{
    public static async Task RunAsync(BenchDatabase database, GeneratorOptions o, string repositoryRoot, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss\\.f}] {message}");
        var random = new Random(o.Seed);
        var now = DateTime.UtcNow;
        var libraryDate = now.AddMonths(-3 * o.Quarters - 2);

        Log($"generating for {database.Provider}: {o.Clients} clients, {o.Standards} standards, {o.Quarters} quarterly reviews each, seed {o.Seed}");
        await database.ResetAsync(ct);
        await using var services = database.CreateAppServices(repositoryRoot);
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(ct);
        Log("schema created by the app's migrations");

        var (admin, tams, vcios) = await PeopleSetup.CreateAsync(services, o.Tams, o.Vcios, libraryDate, ct);
        Log($"{1 + tams.Count + vcios.Count} users (admin, {tams.Count} TAMs, {vcios.Count} vCIOs), password '{PeopleSetup.Password}'");
        var (library, starter) = await LibrarySetup.CreateAsync(services, o.Standards, libraryDate, now, vcios[0].Name, random, ct);
        Log($"{library.Count} active standards ({starter} from the starter library), {library.Sum(s => s.RevisionDates.Count)} revisions");
        var clients = ClientFactory.Create(o.Clients, tams, vcios, library, libraryDate, now, random);

        var loadClock = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var loader = BulkLoaders.Create(database, db);
            await loader.BeginAsync(ct);
            await loader.WriteAsync(clients.Select(c => c.Client).ToList(), ct);
            await loader.WriteAsync(clients.Where(c => c.ExcludedCategoryId is not null).Select(c => new Features.Clients.ClientExclusion
            { ClientId = c.Client.Id, Scope = Features.Clients.TemplateScope.Category, TargetId = c.ExcludedCategoryId!.Value }).ToList(), ct);

            var history = new History(library, now, random);
            var answers = new long[4];
            var channel = Channel.CreateBounded<List<ReviewItem>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
            // Generating and writing overlap: one core plays the history while the other inserts.
            var producer = Task.Run(() =>
            {
                try
                {
                    history.Run(clients, o.Quarters, batch =>
                    {
                        foreach (var item in batch) answers[item.Answer is { } a ? (int)a : 3]++;
                        channel.Writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                    });
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            }, ct);
            var items = await loader.WriteStreamAsync(channel.Reader, ct);
            await producer;
            Log($"{items:N0} review items written ({items / loadClock.Elapsed.TotalSeconds:N0} a second): " +
                $"Yes {Share(answers[0], items)}, No {Share(answers[1], items)}, N/A {Share(answers[2], items)}, unanswered {Share(answers[3], items)}");
            await loader.WriteAsync(history.Reviews, ct);
            // After the history: the vCIO's accepted risks add to the template's exceptions or renew them (History.AcceptRisk).
            await loader.WriteAsync(clients.SelectMany(c => c.Exceptions.Select(x => x.Exception)).ToList(), ct);
            await loader.WriteAsync(history.Recommendations, ct);
            await loader.WriteAsync(history.Findings, ct);
            await loader.WriteAsync(history.Notifications, ct);
            await loader.WriteAsync(history.Flags, ct);
            Log("reviews, exceptions, findings, recommendations, notifications and flags written");
            await loader.EndAsync(Log, ct);
        }
        var loadTime = loadClock.Elapsed;

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Log("in the database: " + string.Join(", ", new (string, IQueryable<object>)[]
            {
                ("users", db.Users), ("standards", db.Standards), ("revisions", db.StandardRevisions), ("clients", db.Clients),
                ("exclusions", db.ClientExclusions), ("exceptions", db.ClientExceptions), ("reviews", db.Reviews), ("review items", db.ReviewItems),
                ("findings", db.Findings), ("open findings", db.Findings.Where(f => f.ResolvedOn == null)), ("recommendations", db.Recommendations),
                ("notifications", db.Notifications), ("question flags", db.QuestionFlags),
            }.Select(t => $"{t.Item2.Count():N0} {t.Item1}")));
            var statuses = await db.Reviews.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            Log("reviews by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}")));
        }
        var size = await database.SizeAsync(ct);
        Log($"done: bulk load {loadTime.TotalSeconds:F0} s, total {clock.Elapsed.TotalSeconds:F0} s, database {size / 1024.0 / 1024:N0} MiB");
        Console.WriteLine($"RESULT generation provider={database.Provider} seconds={clock.Elapsed.TotalSeconds:F0} " +
            $"load_seconds={loadTime.TotalSeconds:F0} bytes={size}");
        Console.WriteLine($"Sign in as {PeopleSetup.AdminEmail} (or tam01, vcio01 ...) with the password {PeopleSetup.Password}; admin is {admin.Name}.");
    }

    private static string Share(long part, long total) => total == 0 ? "0%" : $"{100.0 * part / total:F1}%";
}
