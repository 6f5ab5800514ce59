using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nexus.Core.Storage.Sql;

/// <summary>
/// A table exactly as the EF model maps it, for the few hot-path commands written by hand (the page write runs for
/// every synced page). Table and column names come from the model, identifiers are quoted and parameters named by the
/// provider's SQL helper, and every value goes through its property's type mapping (value converters included), so
/// a GUID, a date or an enum is written exactly as EF writes it, on any provider.
/// </summary>
internal sealed class MappedTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    private MappedTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        _entity = entity;
        _sql = sql;
        _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Name = sql.DelimitIdentifier(_table.Name, _table.Schema);
        Writable = entity.GetProperties().Where(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd).ToList();
        // Looked up once per table, not per row and column: a page binds thousands of values.
        _writers = Writable.Select(p => new ColumnWriter(p.GetGetter(), p.GetRelationalTypeMapping().Converter)).ToArray();
    }

    private readonly record struct ColumnWriter(IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);

    private readonly ColumnWriter[] _writers;

    public static MappedTable For<TEntity>(DbContext db) => For(db, typeof(TEntity));

    public static MappedTable For(DbContext db, Type entity) =>
        new(db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the EF model."), db.GetService<ISqlGenerationHelper>());

    public Type ClrType => _entity.ClrType;

    /// <summary>The quoted table name.</summary>
    public string Name { get; }

    /// <summary>Every column the application writes (all but the database-generated key).</summary>
    public IReadOnlyList<IProperty> Writable { get; }

    public IProperty Property(string name) => _entity.FindProperty(name) ?? throw new ArgumentException($"{_entity.ClrType.Name} has no property {name}.");

    /// <summary>The quoted column name of a property.</summary>
    public string Column(string property) => Column(Property(property));

    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_table)!);

    /// <summary>Adds a parameter typed by the property's mapping and returns its placeholder for the SQL text.</summary>
    public string AddParameter(DbCommand command, string property, object? value) => AddParameter(command, Property(property), value);

    public string AddParameter(DbCommand command, IProperty property, object? value)
    {
        var name = "p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, _sql.GenerateParameterName(name), value, property.IsNullable));
        return _sql.GenerateParameterNamePlaceholder(name);
    }

    /// <summary>
    /// Binds one row's <see cref="Writable"/> values to a prepared command's parameters from <paramref name="offset"/> on,
    /// converting each value like <see cref="AddParameter(DbCommand, IProperty, object?)"/> does.
    /// </summary>
    public void Bind(DbParameterCollection parameters, int offset, object row)
    {
        for (var i = 0; i < _writers.Length; i++)
        {
            var (getter, converter) = _writers[i];
            parameters[offset + i].Value = ToProvider(getter.GetClrValue(row), converter);
        }
    }

    private static object ToProvider(object? value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
        if (value is Enum e) value = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        return value ?? DBNull.Value;
    }

    /// <summary>"col IN (p0, p1, …)" for a list of keys, with one typed parameter each.</summary>
    public string In(DbCommand command, string property, IEnumerable<string> values) =>
        $"{Column(property)} IN ({string.Join(", ", values.Select(v => AddParameter(command, property, v)))})";
}
