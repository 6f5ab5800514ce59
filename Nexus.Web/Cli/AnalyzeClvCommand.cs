using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Lifetime;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze clv --transactions FILE.csv --calibration-end YYYY-MM-DD [--horizon-months 12] [--monthly-discount 0.01]
/// [--time-unit weeks|days] [--top N] [--json]</c>: fitted BG/NBD and Gamma-Gamma parameters and per-customer
/// predictions, highest CLV first (the human table shows the top N, JSON all customers).
/// </summary>
internal static class AnalyzeClvCommand
{
    public static Command Create()
    {
        var input = new AnalyzeCommand.InputOptions();
        var calibrationEnd = AnalyzeCommand.DateOption("--calibration-end", "Last day of data the models see (inclusive).");
        calibrationEnd.Required = true;
        var horizon = new Option<int>("--horizon-months") { Description = "Months of future purchases summed into CLV.", DefaultValueFactory = _ => 12 };
        horizon.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--horizon-months must be at least 1"); });
        var discount = new Option<double>("--monthly-discount") { Description = "Monthly discount rate (0.01 = 1 %).", DefaultValueFactory = _ => 0.01 };
        discount.Validators.Add(r => { var d = r.GetValueOrDefault<double>(); if (!(d > -1 && d < 1)) r.AddError("--monthly-discount must be between -1 and 1, e.g. 0.01"); });
        var unit = new Option<TimeUnit>("--time-unit") { Description = "Unit of recency, age and the fitted α.", DefaultValueFactory = _ => TimeUnit.Weeks };
        var top = new Option<int>("--top") { Description = "Customers shown in the human table (JSON lists all).", DefaultValueFactory = _ => 20 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--top must not be negative"); });

        var model = new Option<string>("--model")
        {
            Description = "Purchase model: auto (the one that predicts a holdout period better), bg-nbd or mbg-nbd.",
            DefaultValueFactory = _ => "auto",
        };
        model.AcceptOnlyFromAmong("auto", "bg-nbd", "mbg-nbd");
        var command = new Command("clv", "Customer lifetime value: BG/NBD or MBG/NBD purchases, P(alive), Gamma-Gamma spend, discounted CLV.")
        {
            calibrationEnd, horizon, discount, unit, top, model,
        };
        input.AddTo(command);
        command.SetAction((parse, cancellationToken) => AnalyzeCommand.RunAsync(parse, input, (transactions, path) =>
        {
            var options = new LifetimeValueOptions(parse.GetValue(calibrationEnd)!.Value, parse.GetValue(unit),
                parse.GetValue(horizon), Discount: DiscountRate.Monthly(parse.GetValue(discount)),
                Model: parse.GetValue(model) switch { "bg-nbd" => PurchaseModelKind.BgNbd, "mbg-nbd" => PurchaseModelKind.MbgNbd, _ => null });
            Console.Error.WriteLine("fitting BG/NBD, MBG/NBD and Gamma-Gamma…");
            var report = LifetimeValueAnalysis.Run(transactions, options);
            var ranked = report.Customers
                .OrderByDescending(c => c.LifetimeValue).ThenBy(c => c.Summary.CustomerId, StringComparer.Ordinal).ToList();
            return parse.GetValue(input.Json)
                ? JsonSerializer.Serialize(ToJson(report, ranked, path), CliJson.Options) + Environment.NewLine
                : Human(report, ranked, path, parse.GetValue(top));
        }, cancellationToken));
        return command;
    }

    private static object ToJson(LifetimeValueReport report, IReadOnlyList<CustomerLifetimeValue> ranked, string path) => new
    {
        transactions = path,
        calibrationEnd = report.Options.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        timeUnit = report.Options.TimeUnit,
        horizonMonths = report.Options.ClvHorizonMonths,
        monthlyDiscount = report.Options.Discount?.MonthlyRate,
        customerCount = report.Customers.Count,
        repeatCustomerCount = report.Customers.Count(c => c.Summary.Frequency > 0),
        gammaGammaCustomerCount = report.GammaGammaCustomers,
        model = PurchaseModels.DisplayName(report.Model),
        bgNbd = report.BgNbd,
        mbgNbd = report.MbgNbd,
        gammaGamma = report.GammaGamma,
        holdout = report.Holdout is not { } h ? null : new
        {
            splitDay = h.SplitDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            holdoutEnd = h.HoldoutEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.Customers, h.ActualPurchases,
            scores = h.Scores.Select(s => new { model = PurchaseModels.DisplayName(s.Model), s.PredictedPurchases, s.MeanAbsoluteError }),
            chosen = PurchaseModels.DisplayName(h.Chosen),
        },
        customers = ranked.Select(c => new
        {
            customerId = c.Summary.CustomerId,
            frequency = c.Summary.Frequency,
            recency = c.Summary.Recency,
            age = c.Summary.Age,
            monetaryValue = c.Summary.MonetaryValue,
            expectedPurchases = c.ExpectedPurchases,
            probabilityAlive = c.ProbabilityAlive,
            expectedAverageOrderValue = Math.Round(c.ExpectedAverageOrderValue, 2),
            clv = Math.Round(c.LifetimeValue, 2),
        }),
    };

    private static string Human(LifetimeValueReport report, IReadOnlyList<CustomerLifetimeValue> ranked, string path, int top)
    {
        var o = report.Options;
        var unitName = o.TimeUnit.ToString().ToLowerInvariant();
        var (r, alpha, a, b) = report.BgNbd;
        var (p, q, gamma) = report.GammaGamma;
        var repeat = report.Customers.Count(c => c.Summary.Frequency > 0);
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"CLV from {path}, calibration end {o.CalibrationEnd:yyyy-MM-dd}, time unit {unitName}");
        Line($"Customers: {report.Customers.Count:N0} ({repeat:N0} with a repeat purchase, {report.Customers.Count - repeat:N0} one-time)");
        Line($"BG/NBD       r = {r:F4}  alpha = {alpha:F4}  a = {a:F4}  b = {b:F4}");
        if (report.MbgNbd is { } m) Line($"MBG/NBD      r = {m.R:F4}  alpha = {m.Alpha:F4}  a = {m.A:F4}  b = {m.B:F4}");
        if (report.Holdout is { } h)
        {
            Line($"Holdout test: fitted to {h.SplitDay:yyyy-MM-dd}, predicted {h.HoldoutDays} days to {h.HoldoutEnd:yyyy-MM-dd}: actual {h.ActualPurchases:N0} purchase days");
            foreach (var s in h.Scores) Line($"  {PurchaseModels.DisplayName(s.Model),-8} predicted {s.PredictedPurchases,9:N1}, mean abs error {s.MeanAbsoluteError:F4} per customer");
        }
        Line($"Customers scored with {PurchaseModels.DisplayName(report.Model)}{(report.Holdout is null ? "" : " (smaller holdout error)")}; x = repeat purchase days");
        Line($"Gamma-Gamma  p = {p:F4}  q = {q:F4}  gamma = {gamma:F4}  (fitted on {report.GammaGammaCustomers:N0} customers)");
        Line($"CLV over {o.ClvHorizonMonths} months at {(o.Discount?.MonthlyRate ?? 0.01) * 100:0.###} % a month; expected purchases over the same horizon");
        Line($"Total CLV: {ranked.Sum(c => c.LifetimeValue):N2}");
        text.AppendLine();
        var shown = ranked.Take(top).ToList();
        Line($"Top {shown.Count} of {ranked.Count:N0} customers by CLV:");
        Line($"{"customer",-16} {"x",4} {"t_x",8} {"T",8} {"E[purch]",9} {"P(alive)",9} {"E[AOV]",10} {"CLV",12}");
        foreach (var c in shown)
        {
            var s = c.Summary;
            Line($"{s.CustomerId,-16} {s.Frequency,4} {s.Recency,8:F2} {s.Age,8:F2} {c.ExpectedPurchases,9:F3} {c.ProbabilityAlive,9:F3} {c.ExpectedAverageOrderValue,10:F2} {c.LifetimeValue,12:F2}");
        }
        return text.ToString();
    }
}
