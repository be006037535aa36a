using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Plumbline.Features.Reviews;

namespace Plumbline.Bench.Load;

/// <summary>A client at one position of the data (first, middle, last created), with the reviews the benchmark asks for.</summary>
public sealed record Pick(string Position, Guid ClientId, Guid ReviewId, string ReviewLabel, int ReviewItems, Guid AnswerReviewId, List<Guid> AnswerStandards);

/// <summary>Ids spread across the generated data, read before the app starts, plus what the report says about the data.</summary>
public sealed record Picks(List<Pick> Positions, int Clients, int Reviews, long ReviewItems, string DatabaseVersion)
{
    public int LastReviewPage => (Reviews + Infrastructure.Paging.DefaultPageSize - 1) / Infrastructure.Paging.DefaultPageSize;

    public static async Task<Picks> LoadAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var clients = await db.Clients.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        if (clients.Count == 0) throw new InvalidOperationException("The database has no clients; run `generate` first.");
        var positions = new List<Pick>();
        foreach (var (position, index) in new[] { ("first", 0), ("middle", clients.Count / 2), ("last", clients.Count - 1) })
        {
            var reviews = await db.Reviews.Where(r => r.ClientId == clients[index]).OrderBy(r => r.AsOf)
                .Select(r => new { r.Id, r.Status, r.ItemCount }).ToListAsync(ct);
            // The oldest review of the first client, a middle one of the middle client, the newest answered one of the last.
            var (review, label) = position switch
            {
                "first" => (reviews[0], "oldest review"),
                "middle" => (reviews[reviews.Count / 2], "middle review"),
                _ => (reviews.Last(r => r.Status >= ReviewStatus.Submitted), "newest answered review"),
            };
            // An in-progress review at or after this position, for saving answers.
            Guid answerReview = default;
            for (var i = 0; i < clients.Count && answerReview == default; i++)
                answerReview = await db.Reviews.Where(r => r.ClientId == clients[(index + i) % clients.Count] && r.Status == ReviewStatus.InProgress)
                    .Select(r => r.Id).FirstOrDefaultAsync(ct);
            var standards = await db.ReviewItems.Where(i => i.ReviewId == answerReview).OrderBy(i => i.Order).Select(i => i.StandardId).ToListAsync(ct);
            positions.Add(new Pick(position, clients[index], review.Id, label, review.ItemCount, answerReview, standards));
        }
        var reviewCount = await db.Reviews.CountAsync(ct);
        var items = await db.ReviewItems.LongCountAsync(ct);
        return new Picks(positions, clients.Count, reviewCount, items, await VersionAsync(db.Database.GetDbConnection(), database.IsPostgres, ct));
    }

    private static async Task<string> VersionAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? "SHOW server_version" : "SELECT sqlite_version()";
        var version = (string)(await command.ExecuteScalarAsync(ct))!;
        return postgres ? $"PostgreSQL {version.Split(' ')[0]}" : $"SQLite {version}";
    }
}
