using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nexus.Tests.Infrastructure;

namespace Nexus.Tests.Cli;

/// <summary>
/// The README's command-line example, run as a reader would: each line of its bash block through bash, with
/// <c>./nexus</c> (the built CLI, no <c>dotnet run</c> noise on stdout). Only the demo app's address and the new store's
/// id are swapped for the test host's; every JSON output must parse and the CSV must hold the synced orders.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReadmeCommandsTests(NexusWebFactory app) : IDisposable
{
    private readonly TempFolder _work = new();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "nexus"))) return dir.FullName;
        throw new InvalidOperationException("README.md and ./nexus not found above the test binaries");
    }

    /// <summary>The bash block after "Example against the running demo app", one command per entry (continuations joined).</summary>
    private static List<string> ReadmeCommands(string root)
    {
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var block = Regex.Match(readme[readme.IndexOf("Example against", StringComparison.Ordinal)..], "```bash\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return block.Replace("\\\n", " ").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private async Task<(int Exit, string Out, string Error)> BashAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = _work.Path, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["Nexus__DataFolder"] = _work.File("data"), ["DOTNET_NOLOGO"] = "1" },
        };
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task The_readme_commands_print_only_their_output()
    {
        var root = RepositoryRoot();
        var commands = ReadmeCommands(root);
        Assert.Equal(4, commands.Count);
        Assert.All(commands, c => Assert.StartsWith("./nexus ", c));
        var address = app.ServerAddress.ToString().TrimEnd('/');
        string storeId = "2";
        string Adapt(string c) => c.Replace("./nexus ", $"'{root}/nexus' ", StringComparison.Ordinal)
            .Replace("http://localhost:5000", address, StringComparison.Ordinal)
            .Replace("--store 2 ", $"--store {storeId} ", StringComparison.Ordinal);

        var added = await BashAsync(Adapt(commands[0]));
        Assert.True(added.Exit == 0, added.Error);
        storeId = JsonDocument.Parse(added.Out).RootElement.GetProperty("id").GetInt32().ToString();

        var synced = await BashAsync(Adapt(commands[1]));
        Assert.True(synced.Exit == 0, synced.Error);
        var summary = JsonDocument.Parse(synced.Out).RootElement;
        Assert.Equal("Succeeded", summary.GetProperty("status").GetString());
        var orders = summary.GetProperty("entities").GetProperty("Orders").GetProperty("inserted").GetInt64();
        Assert.True(orders > 0);

        var exported = await BashAsync(Adapt(commands[2]));
        Assert.True(exported.Exit == 0, exported.Error);
        Assert.Equal("", exported.Out); // redirected into orders.csv
        var csv = File.ReadAllLines(_work.File("orders.csv"));
        Assert.StartsWith("id,", csv[0]);
        Assert.Equal(orders, csv.Length - 1);

        var quality = await BashAsync(Adapt(commands[3]));
        Assert.True(quality.Exit == 0, quality.Error);
        var card = JsonDocument.Parse(quality.Out).RootElement;
        Assert.Matches("^[A-F][+-]?$", card.GetProperty("grade").GetString()!);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Dispose();
    }
}
