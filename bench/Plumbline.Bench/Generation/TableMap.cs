using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Plumbline.Bench.Generation;

/// <summary>
/// One column of an entity's table as the app's EF model maps it: its name, how to read the value off an entity,
/// and the EF type mapping (value converter, parameter type), so raw inserts store exactly what EF would store.
/// </summary>
public sealed record ColumnMap<T>(string Name, Func<T, object?> Read, RelationalTypeMapping Mapping)
{
    /// <summary>The value as the database receives it (enums as text, and so on), or null.</summary>
    public object? ProviderValue(T entity)
    {
        var value = Read(entity);
        if (value is null) return null;
        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

/// <summary>The table and columns of one entity type, read from the app's model (provider specific).</summary>
public sealed class TableMap<T> where T : class
{
    public required string Table { get; init; }
    public required IReadOnlyList<ColumnMap<T>> Columns { get; init; }

    public string QuotedColumns => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

    public static TableMap<T> From(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = new List<ColumnMap<T>>();
        foreach (var property in entity.GetProperties())
        {
            if (property.PropertyInfo is not { } info)
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer only handles " +
                    "mapped CLR properties.");
            var parameter = Expression.Parameter(typeof(T), "e");
            var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(parameter, info), typeof(object)), parameter).Compile();
            columns.Add(new ColumnMap<T>(property.GetColumnName(), read, property.GetRelationalTypeMapping()));
        }
        return new TableMap<T> { Table = entity.GetTableName()!, Columns = columns };
    }
}
