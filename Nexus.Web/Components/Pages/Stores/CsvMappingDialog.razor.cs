using Microsoft.AspNetCore.Components;
using MudBlazor;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Import;
using Nexus.Core.Platforms.Csv.Mapping;

namespace Nexus.Web.Components.Pages.Stores;

/// <summary>
/// Maps an unrecognised upload's columns to Nexus fields, starting from <see cref="CsvMappingSuggester"/>'s suggestion
/// (or the store's saved mapping), checks it with <see cref="CsvMapping.Validate"/> and saves it for the store; the
/// dialog closes with true when the import can start.
/// </summary>
public partial class CsvMappingDialog
{
    private CsvPreview? _preview;
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private string _identifying = "";
    private string? _dateFormat;
    private string _decimal = ".";
    private string? _currency;
    private string? _currencyColumn;
    private IReadOnlyList<string> _problems = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CsvUploadStore Uploads { get; set; } = default!;

    [Parameter, EditorRequired] public Guid TenantId { get; set; }
    [Parameter, EditorRequired] public int StoreId { get; set; }
    [Parameter, EditorRequired] public string UploadId { get; set; } = "";
    [Parameter, EditorRequired] public CsvImportEntity Entity { get; set; }

    private IEnumerable<CsvField> Fields => CsvFields.For(Entity);

    protected override async Task OnInitializedAsync()
    {
        _preview = await Uploads.PreviewAsync(TenantId, StoreId, UploadId);
        var saved = await Uploads.FindMappingAsync(TenantId, StoreId, Entity);
        // The saved mapping is offered when it fits this file; otherwise the suggestion for it.
        var mapping = saved is not null && saved.Validate(_preview.Header).Count == 0 ? saved : _preview.Suggest(Entity).Mapping;
        foreach (var column in mapping.Columns) _fields[column.Column] = column.Field;
        (_identifying, _dateFormat, _decimal, _currency, _currencyColumn) =
            (mapping.IdentifyingColumn, mapping.DateFormat, mapping.DecimalSeparator, mapping.FixedCurrency, mapping.CurrencyColumn);
    }

    private IEnumerable<string> Samples(string column)
    {
        var index = _preview!.Header.IndexOf(column);
        return _preview.Rows.Where(r => r.IsReadable).Select(r => r[index]).Where(v => v.Length > 0).Distinct().Take(3);
    }

    private CsvMapping Mapping() => new()
    {
        Entity = Entity,
        IdentifyingColumn = _identifying,
        DateFormat = string.IsNullOrWhiteSpace(_dateFormat) ? null : _dateFormat.Trim(),
        DecimalSeparator = _decimal,
        FixedCurrency = string.IsNullOrWhiteSpace(_currency) ? null : _currency.Trim().ToUpperInvariant(),
        CurrencyColumn = _currencyColumn,
        Columns = _fields.Where(f => f.Value.Length > 0).Select(f => new CsvColumnMapping(f.Key, f.Value)).ToList(),
    };

    private async Task SaveAsync()
    {
        var mapping = Mapping();
        _problems = mapping.Validate(_preview!.Header);
        if (_problems.Count > 0) return;
        await Uploads.SaveMappingAsync(TenantId, StoreId, mapping);
        Dialog.Close(DialogResult.Ok(true));
    }

    private void Cancel() => Dialog.Cancel();
}
