using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Settings;

namespace Plumbline.Bench.Generation;

public sealed record Person(string Id, string Name);

/// <summary>The provider and its people, made through the app's UserAdministration (password hashing, roles, audit).</summary>
public static class PeopleSetup
{
    public const string Domain = "bench.plumbline.test";
    public const string Password = "plumbline-bench";
    public static string AdminEmail => $"admin@{Domain}";

    public static async Task<(Person Admin, List<Person> Tams, List<Person> Vcios)> CreateAsync(IServiceProvider services, int tams, int vcios,
        DateTime at, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ProviderSettings.Add(new ProviderSettings { ProviderName = "Largo Managed Services", CreatedAt = at });
        await db.SaveChangesAsync(ct);
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        // The app adds its roles at start-up; the generator builds the schema without starting the app.
        await users.EnsureRolesAsync();
        var names = new HashSet<string>();
        var n = 0;

        async Task<Person> Create(string login, string role)
        {
            string name;
            do
            {
                name = $"{Words.FirstNames[n % Words.FirstNames.Length]} {Words.LastNames[(n * 7 + n / Words.FirstNames.Length) % Words.LastNames.Length]}";
                n++;
            } while (!names.Add(name));
            var (user, errors) = await users.CreateAsync(new CreateUserRequest($"{login}@{Domain}", name, Password, [role]), ct);
            return user is null
                ? throw new InvalidOperationException($"User {login}: {string.Join("; ", errors.SelectMany(e => e.Value))}")
                : new Person(user.Id, user.Name);
        }

        var admin = await Create("admin", Roles.Admin);
        var tamList = new List<Person>();
        for (var i = 1; i <= tams; i++) tamList.Add(await Create($"tam{i:00}", Roles.Tam));
        var vcioList = new List<Person>();
        for (var i = 1; i <= vcios; i++) vcioList.Add(await Create($"vcio{i:00}", Roles.Vcio));
        return (admin, tamList, vcioList);
    }
}
