using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;

namespace Nexus.Web.Components.Pages.Stores;

/// <summary>What the merchant asked to import, for the page to start the job with.</summary>
public sealed record FileImportRequest(string UploadId, string ProductCurrency);

/// <summary>
/// Uploads a file into a CSV store's folder (streamed, with progress, refused past the configured limit or when it
/// is not CSV) and, when Nexus can read its columns (a recognised export or the store's saved mapping), asks the
/// page to start the import job. Errors say what happened and what to do.
/// </summary>
public partial class FileImportPanel
{
    private CsvImportEntity _entity = CsvImportEntity.Orders;
    private string _currency = "USD";
    private bool _uploading;
    private long _sent;
    private long _size;
    private string _fileName = "";
    private string? _message;
    private Severity _severity = Severity.Info;

    [Inject] private CsvUploadStore Uploads { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public Guid TenantId { get; set; }
    [Parameter, EditorRequired] public int StoreId { get; set; }
    [Parameter] public bool Importing { get; set; }
    [Parameter] public EventCallback<FileImportRequest> OnImport { get; set; }

    private bool Busy => _uploading || Importing;

    private string Progress => $"{_sent / 1024:N0} of {_size / 1024:N0} KB";

    private double Percent => _size == 0 ? 0 : 100.0 * _sent / _size;

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        (_uploading, _sent, _size, _fileName, _message) = (true, 0, file.Size, file.Name, null);
        try
        {
            if (file.Size > Uploads.MaxUploadBytes)
                throw new CsvUploadRejectedException(CsvUploadStore.TooLarge, $"{file.Name} is {file.Size / (1024 * 1024):N0} MB; Nexus accepts files up to {Uploads.MaxUploadBytes / (1024 * 1024):N0} MB. Split it (for example by date range) and upload the parts one by one.");
            // One byte over the limit lets the upload store see (and refuse) a file that grew while it was sent.
            await using var browser = file.OpenReadStream(Uploads.MaxUploadBytes + 1);
            await using var counted = new ProgressStream(browser, sent => { _sent = sent; _ = InvokeAsync(StateHasChanged); });
            var upload = await Uploads.SaveAsync(TenantId, StoreId, _entity, file.Name, counted);
            _uploading = false;
            if (CsvLayoutRecognizer.EntityOf(upload.Layout) is { } other && other != _entity)
            {
                Show(Severity.Warning, $"{file.Name} is a {upload.LayoutName}, not {Entity}. Choose \"{other}\" above and upload it again.");
                return;
            }
            if (!upload.Recognised && !await MapColumnsAsync(upload))
            {
                Show(Severity.Info, $"{file.Name} was not imported: its columns were not mapped.");
                return;
            }
            Show(Severity.Success, $"{file.Name} uploaded ({upload.LayoutName}); importing…");
            await OnImport.InvokeAsync(new FileImportRequest(upload.Id, _currency.Trim().ToUpperInvariant()));
        }
        catch (CsvUploadRejectedException ex)
        {
            Show(Severity.Error, ex.Message);
        }
        catch (IOException ex)
        {
            // The browser connection dropped or the file changed while being read: nothing was kept.
            Show(Severity.Error, $"The upload of {file.Name} did not finish ({ex.Message}). Nothing was imported; upload it again.");
        }
        finally
        {
            _uploading = false;
        }
    }

    /// <summary>The mapping screen for a file Nexus does not recognise; true when a mapping was saved.</summary>
    private async Task<bool> MapColumnsAsync(CsvUpload upload)
    {
        var parameters = new DialogParameters<CsvMappingDialog>
        {
            { d => d.TenantId, TenantId }, { d => d.StoreId, StoreId }, { d => d.UploadId, upload.Id }, { d => d.Entity, _entity },
        };
        var dialog = await Dialogs.ShowAsync<CsvMappingDialog>($"Map the columns of {upload.FileName}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    private string Entity => _entity.ToString().ToLowerInvariant();

    private void Show(Severity severity, string message) => (_severity, _message) = (severity, message);
}
