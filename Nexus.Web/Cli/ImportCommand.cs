using System.CommandLine;
using System.Text.Json;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Platforms.Csv.Mapping;
using Nexus.Core.Stores;
using Nexus.Core.Sync;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>import --store ID --entity orders|customers|products --file F [--mapping M.json] [--currency C] [--json]</c>:
/// uploads a file into a CSV store and imports it in this process, as the web app's import job does.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var store = new Option<int>("--store") { Description = "The CSV store's id (see stores list).", Required = true };
        var entity = new Option<CsvImportEntity>("--entity") { Description = "What the file holds: orders, customers or products.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The CSV file.", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "A column mapping (JSON, as the mapping screen saves it) for a file Nexus does not recognise; saved for the store." };
        var currency = new Option<string>("--currency") { Description = "Currency of product prices (product exports carry none).", DefaultValueFactory = _ => "USD" };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print stored/updated/unchanged/quarantined counts as JSON." };
        var command = new Command("import", "Import a CSV file into a CSV store, in this process.") { store, entity, file, mapping, currency, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var storeId = parse.GetValue(store);
            if (!await services.GetRequiredService<StoreService>().ExistsAsync(tenant, storeId, token))
                throw CliTenant.NoSuchStore(storeId, parse.GetValue(owner));
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CliException($"There is no file {path.FullName}.");
            var what = parse.GetValue(entity);
            var uploads = services.GetRequiredService<CsvUploadStore>();
            try
            {
                if (parse.GetValue(mapping) is { } mappingFile)
                {
                    var saved = ReadMapping(mappingFile);
                    if (saved.Entity != what) throw new CliException($"{mappingFile.Name} maps {saved.Entity.ToString().ToLowerInvariant()}, but --entity is {what.ToString().ToLowerInvariant()}.");
                    await uploads.SaveMappingAsync(tenant, storeId, saved, token);
                }
                CsvUpload upload;
                await using (var content = path.OpenRead())
                {
                    upload = await uploads.SaveAsync(tenant, storeId, what, path.Name, content, token);
                }
                Console.Error.WriteLine($"Uploaded {upload.FileName} ({upload.SizeBytes:N0} bytes): {upload.LayoutName}.");
                var result = await services.GetRequiredService<CsvImporter>().ImportAsync(tenant, storeId, upload.Id, parse.GetValue(currency)!, new SyncCommand.StderrProgress(),
                    $"the command line on {Environment.MachineName} (process {Environment.ProcessId})", token);
                Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(ToJson(result), CliJson.Options) : result.Describe());
                return result.Succeeded ? 0 : 1;
            }
            catch (CsvUploadRejectedException ex)
            {
                throw new CliException(ex.Message);
            }
        }, ct));
        return command;
    }

    private static CsvMapping ReadMapping(FileInfo file)
    {
        if (!file.Exists) throw new CliException($"There is no mapping file {file.FullName}.");
        try
        {
            return CsvMapping.FromJson(File.ReadAllText(file.FullName));
        }
        catch (FormatException ex)
        {
            throw new CliException($"{file.Name}: {ex.Message}");
        }
    }

    private static object ToJson(CsvImportResult r) => new
    {
        r.Run.RunId, r.Run.StoreId, r.Run.Status, Entity = r.Entity, r.FileName, r.Counts.Stored, r.Counts.Updated, r.Counts.Unchanged, r.Counts.Quarantined,
        Seconds = Math.Round(r.Run.Seconds, 3), r.Run.Error, r.HeaderWarnings,
        QuarantinedRows = r.QuarantineExamples.Select(e => new { Line = e.LineNumber, e.Reason }),
    };
}
