using System.Globalization;
using GraphQLParser.AST;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// Shopify's calculated query cost, computed before a query runs (the "requested" cost the bucket must hold):
/// scalars and enums 0, objects 1, a connection 2 plus <c>first</c> × the cost of one node, edges and pageInfo
/// free, a list of objects its <c>first</c> (else 1) × one item, every mutation field 10. The actual cost after
/// execution uses the same rules with the real counts (see <see cref="ShopifySchemaFactory"/>).
/// </summary>
public static class ShopifyQueryCost
{
    public const int MaxQueryCost = 1000;
    public const int MaxPageSize = 250;
    public const int MutationCost = 10;

    private static readonly Lazy<Dictionary<string, Dictionary<string, (string Type, bool IsList)>>> Fields = new(ReadSchema);

    /// <summary>The requested cost of the operation; throws <see cref="ShopifyQueryException"/> for a connection without a size.</summary>
    /// <param name="bulk">In a bulk query connections take no size and the cost does not matter; only shape is checked.</param>
    public static int Requested(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables, bool bulk = false)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.StringValue == operationName)
            ?? throw new ShopifyQueryException($"No operation named '{operationName}'.", "OPERATION_NOT_FOUND");
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var walker = new Walker(fragments, variables, bulk);
        return operation.Operation == OperationType.Mutation
            ? operation.SelectionSet.Selections.OfType<GraphQLField>().Count() * MutationCost
            : walker.Cost(operation.SelectionSet, "Query");
    }

    /// <summary>Connection fields by depth below the root, for the bulk operation limits (≤ 5 connections, nesting ≤ 2).</summary>
    public static IReadOnlyList<(string Field, int Depth)> Connections(GraphQLDocument document)
    {
        var found = new List<(string, int)>();
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().First();
        Collect(operation.SelectionSet, "Query", 0, found);
        return found;
    }

    public static bool IsConnectionType(string typeName) => typeName.EndsWith("Connection", StringComparison.Ordinal);

    private static void Collect(GraphQLSelectionSet set, string type, int depth, List<(string, int)> found)
    {
        foreach (var field in set.Selections.OfType<GraphQLField>())
        {
            if (!Fields.Value.TryGetValue(type, out var fields) || !fields.TryGetValue(field.Name.StringValue, out var target) || field.SelectionSet is null)
                continue;
            var nextDepth = depth;
            if (IsConnectionType(target.Type))
            {
                found.Add((field.Name.StringValue, depth + 1));
                nextDepth = depth + 1;
            }
            Collect(field.SelectionSet, target.Type, nextDepth, found);
        }
    }

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, object?>? variables, bool bulk)
    {
        public int Cost(GraphQLSelectionSet? set, string type)
        {
            if (set is null) return 0;
            var total = 0;
            foreach (var selection in set.Selections)
            {
                total += selection switch
                {
                    GraphQLField field => FieldCost(field, type),
                    GraphQLInlineFragment inline => Cost(inline.SelectionSet, inline.TypeCondition?.Type.Name.StringValue ?? type),
                    GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) =>
                        Cost(fragment.SelectionSet, fragment.TypeCondition.Type.Name.StringValue),
                    _ => 0,
                };
            }
            return total;
        }

        private int FieldCost(GraphQLField field, string parentType)
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal)) return 0;
            if (!Fields.Value.TryGetValue(parentType, out var fields) || !fields.TryGetValue(name, out var target)) return 0; // validation reports it
            if (!Fields.Value.ContainsKey(target.Type)) return 0; // scalar or enum
            if (IsConnectionType(target.Type))
            {
                var size = IntArgument(field, "first") ?? IntArgument(field, "last");
                if (size is null && !bulk)
                    throw new ShopifyQueryException("you must provide one of first or last", "BAD_REQUEST", name);
                if (size is > MaxPageSize or < 0)
                    throw new ShopifyQueryException($"The page size requested for {name} ({size}) exceeds the maximum of {MaxPageSize}.", "BAD_REQUEST", name);
                return 2 + (size ?? 1) * NodeCost(field.SelectionSet, target.Type);
            }
            if (name is "pageInfo") return 0;
            var count = target.IsList ? IntArgument(field, "first") ?? 1 : 1;
            return count * (1 + Cost(field.SelectionSet, target.Type));
        }

        /// <summary>The cost of one node of a connection: its <c>nodes</c> or <c>edges { node }</c> selection.</summary>
        private int NodeCost(GraphQLSelectionSet? set, string connectionType)
        {
            if (set is null) return 0;
            var nodeType = Fields.Value[connectionType]["nodes"].Type;
            var total = 0;
            foreach (var field in Flatten(set))
            {
                if (field.Name.StringValue == "nodes") total += 1 + Cost(field.SelectionSet, nodeType);
                else if (field.Name.StringValue == "edges")
                    total += Flatten(field.SelectionSet).Where(f => f.Name.StringValue == "node").Sum(f => 1 + Cost(f.SelectionSet, nodeType));
            }
            return total;
        }

        private IEnumerable<GraphQLField> Flatten(GraphQLSelectionSet? set)
        {
            if (set is null) yield break;
            foreach (var selection in set.Selections)
            {
                if (selection is GraphQLField field) yield return field;
                else if (selection is GraphQLInlineFragment inline)
                    foreach (var f in Flatten(inline.SelectionSet)) yield return f;
                else if (selection is GraphQLFragmentSpread spread && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
                    foreach (var f in Flatten(fragment.SelectionSet)) yield return f;
            }
        }

        private int? IntArgument(GraphQLField field, string name)
        {
            var argument = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name);
            return argument?.Value switch
            {
                GraphQLIntValue i => int.Parse(i.Value.Span, CultureInfo.InvariantCulture),
                GraphQLVariable v when variables is not null && variables.TryGetValue(v.Name.StringValue, out var value) && value is not null =>
                    Convert.ToInt32(value, CultureInfo.InvariantCulture),
                _ => null,
            };
        }
    }

    private static Dictionary<string, Dictionary<string, (string Type, bool IsList)>> ReadSchema()
    {
        var document = GraphQLParser.Parser.Parse(ShopifyAdminSchema.Sdl);
        return document.Definitions.OfType<GraphQLObjectTypeDefinition>().ToDictionary(
            t => t.Name.StringValue,
            t => t.Fields!.Items.ToDictionary(f => f.Name.StringValue, f => Unwrap(f.Type)),
            StringComparer.Ordinal);
    }

    private static (string Type, bool IsList) Unwrap(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Unwrap(nonNull.Type),
        GraphQLListType list => (Unwrap(list.Type).Type, true),
        GraphQLNamedType named => (named.Name.StringValue, false),
        _ => throw new InvalidOperationException("Unknown GraphQL type node."),
    };
}

/// <summary>A query Shopify refuses before running it; becomes one entry of <c>errors</c>.</summary>
public sealed class ShopifyQueryException(string message, string code, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}
