using System.CommandLine;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>bench</c> on the app's command line: the benchmarks live in the Nexus.Benchmarks project now (so the product
/// carries none of their code), and an old command line should say where they went rather than "unknown verb".
/// </summary>
internal static class MovedBenchCommand
{
    public const string Message =
        "error: the benchmarks moved to the Nexus.Benchmarks project; run `./nexus bench <name>` (or `dotnet run --project Nexus.Benchmarks -- <name>`), `./nexus bench list` shows them.";

    public static Command Create()
    {
        var rest = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "Ignored." };
        var command = new Command("bench", "Moved: run `./nexus bench <name>` (the Nexus.Benchmarks project).") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            Console.Error.WriteLine(Message);
            return AnalyzeCommand.ExitUsage;
        });
        return command;
    }
}
