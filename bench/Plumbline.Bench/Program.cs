using Plumbline.Bench;
using Plumbline.Bench.Generation;
using Plumbline.Bench.Load;

// Plumbline.Bench generate|run --provider Sqlite|Postgres --connection "..." [options]; docs/performance.md explains both.
if (args.Length == 0 || args[0] is not ("generate" or "run" or "plan" or "smart" or "writers" or "scaleout"))
{
    var runOptions = "[--requests 200] [--warmup 20] [--app <Plumbline.dll>] [--out <file.md>] [--only <endpoint text>] [--quiet <seconds>]";
    Console.Error.WriteLine($"""
        usage: Plumbline.Bench generate --provider Sqlite|Postgres --connection <string> [--clients 1000] [--standards 400] [--quarters 12] [--seed N]
               Plumbline.Bench plan     --provider Sqlite|Postgres --connection <string> [--clients 1000] [--tams 50] [--runs 3] [--seed N]
               Plumbline.Bench run      --provider Sqlite|Postgres --connection <string> {runOptions}
               Plumbline.Bench smart    --provider Sqlite|Postgres --connection <string> [--entries 2000000] [--months 24] [--requests 100] [--out <file.md>]
               Plumbline.Bench writers  --provider Sqlite|Postgres --connection <string> [--writers 20] [--saves 200] [--warmup 20] [--quiet <s>] [--pace <ms>]
                                        [--out <file.md>]
               Plumbline.Bench scaleout --provider Postgres --connection <string> [--nodes 2,3] [--minutes 10] [--tams 50] [--vcios 10] [--printers 2]
                                        [--think <ms>] [--warmup-seconds 30] [--out <file.md>]
        generate and plan delete and recreate the database they are given.
        """);
    return 2;
}

var options = Arguments.Parse(args.Skip(1));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var database = new BenchDatabase(options.Get("provider", "Sqlite"), options.Required("connection"));
var root = Arguments.RepositoryRoot();

if (args[0] == "generate")
{
    await Generator.RunAsync(database, new GeneratorOptions(
        Clients: options.Int("clients", 1000), Standards: options.Int("standards", 400), Quarters: options.Int("quarters", 12),
        Seed: options.Int("seed", 20261126)), root, cancel.Token);
    return 0;
}

if (args[0] == "plan")
    return await Plumbline.Bench.Planning.PlanBenchmark.RunAsync(database, new Plumbline.Bench.Planning.PlanBenchmarkOptions(
        options.Int("clients", 1000), options.Int("tams", 50), options.Int("runs", 3), options.Int("seed", 20261126)), root, cancel.Token);

if (args[0] == "smart")
    return await Plumbline.Bench.SmartNumbers.SmartNumbersBenchmark.RunAsync(database, new Plumbline.Bench.SmartNumbers.SmartNumbersOptions(
        options.Get("app", Path.Combine(root, "src", "Plumbline", "bin", "Release", "net10.0", "Plumbline.dll")), root,
        options.Int("entries", 2_000_000), options.Int("months", 24), options.Int("requests", 100), options.Int("warmup", 10), options.Get("out", ""),
        options.Int("seed", 20261205)), cancel.Token);

if (args[0] == "writers")
    return await WritersBenchmark.RunAsync(database, new WritersOptions(
        options.Get("app", Path.Combine(root, "src", "Plumbline", "bin", "Release", "net10.0", "Plumbline.dll")), root,
        options.Int("writers", 20), options.Int("saves", 200), options.Int("warmup", 20), options.Get("out", ""), options.Int("quiet", 0),
        options.Int("pace", 0)), cancel.Token);

if (args[0] == "scaleout")
    return await ScaleOutBenchmark.RunAsync(database, new ScaleOutOptions(
        options.Get("app", Path.Combine(root, "src", "Plumbline", "bin", "Release", "net10.0", "Plumbline.dll")), root,
        options.Get("nodes", "2,3").Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        double.Parse(options.Get("minutes", "10"), System.Globalization.CultureInfo.InvariantCulture),
        options.Int("warmup-seconds", 30), options.Int("tams", 50), options.Int("vcios", 10), options.Int("printers", 2), options.Int("think", 0),
        options.Get("out", "")), cancel.Token);

var app = options.Get("app", Path.Combine(root, "src", "Plumbline", "bin", "Release", "net10.0", "Plumbline.dll"));
return await Benchmark.RunAsync(database, new BenchmarkOptions(app, root, options.Int("requests", 200), options.Int("warmup", 20), options.Get("out", ""),
    options.Get("only", ""), options.Int("quiet", 0)), cancel.Token);

internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) { key = arg[2..]; values[key] = "true"; }
            else if (key is not null) { values[key] = arg; key = null; }
            else throw new ArgumentException($"Unexpected argument '{arg}'.");
        }
        return new Arguments(values);
    }

    public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

    public string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v)
        ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    /// <summary>The checkout this program was built from (the folder holding Plumbline.slnx above it), else the working directory's.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the Plumbline repository.");
    }
}
