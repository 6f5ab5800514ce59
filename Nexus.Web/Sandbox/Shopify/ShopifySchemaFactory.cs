using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// Builds the GraphQL.NET schema from <see cref="ShopifyAdminSchema.Sdl"/> once, with one resolver for every field
/// that asks the source <see cref="IShopifyNode"/> and books the field's actual cost. Schemas are thread-safe.
/// </summary>
public static class ShopifySchemaFactory
{
    private static readonly Lazy<ISchema> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly DocumentExecuter Executer = new();

    public static ISchema Schema => Built.Value;

    /// <summary>Shopify's errors carry a code in extensions, nothing else of GraphQL.NET's bookkeeping.</summary>
    public static GraphQLSerializer Serializer { get; } = new(indent: false, new ErrorInfoProvider(o =>
    {
        o.ExposeCodes = false;
        o.ExposeData = true;
    }));

    public static Task<ExecutionResult> ExecuteAsync(GraphQLDocument document, string query, string? operationName, Inputs? variables,
        ShopifyRequest request, CancellationToken cancellationToken) =>
        Executer.ExecuteAsync(o =>
        {
            o.Schema = Schema;
            o.Document = document;
            o.Query = query;
            o.OperationName = operationName;
            o.Variables = variables;
            o.Root = new ShopifyQueryRoot(request);
            o.UserContext = request;
            o.CancellationToken = cancellationToken;
            o.ThrowOnUnhandledException = false;
        });

    private static ISchema Build()
    {
        var document = GraphQLParser.Parser.Parse(ShopifyAdminSchema.Sdl);
        var schema = GraphQL.Types.Schema.For(ShopifyAdminSchema.Sdl, builder =>
        {
            foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
            {
                var isMutation = type.Name.StringValue == "Mutation";
                foreach (var field in type.Fields!.Items)
                {
                    var name = field.Name.StringValue;
                    builder.Types.For(type.Name.StringValue).FieldFor(name).Resolver = new FuncFieldResolver<object?>(context =>
                    {
                        var value = context.Source is IShopifyNode node ? node.Resolve(name, context) : null;
                        ShopifyRequest.Of(context).AddCost(isMutation ? ShopifyQueryCost.MutationCost : ActualCost(context, name, value));
                        return value;
                    });
                }
            }
        });
        foreach (var scalar in document.Definitions.OfType<GraphQLScalarTypeDefinition>())
            schema.RegisterType(new ShopifyStringScalar(scalar.Name.StringValue));
        schema.Initialize();
        return schema;
    }

    /// <summary>The same rules as <see cref="ShopifyQueryCost"/>, counted on what was really returned.</summary>
    private static int ActualCost(IResolveFieldContext context, string field, object? value)
    {
        if (value is null || field is "edges" or "pageInfo") return 0;
        var type = context.FieldDefinition.ResolvedType;
        if (type is NonNullGraphType nonNull) type = nonNull.ResolvedType;
        var isList = type is ListGraphType;
        if (type is ListGraphType list) type = list.ResolvedType is NonNullGraphType inner ? inner.ResolvedType : list.ResolvedType;
        if (type is not IObjectGraphType objectType) return 0;
        if (ShopifyQueryCost.IsConnectionType(objectType.Name)) return 2;
        return isList && value is System.Collections.ICollection items ? items.Count : 1;
    }
}

/// <summary>Shopify's custom scalars (DateTime, Money, Decimal, UnsignedInt64, URL) all travel as strings.</summary>
internal sealed class ShopifyStringScalar : ScalarGraphType
{
    public ShopifyStringScalar(string name) => Name = name;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => (string)s.Value,
        GraphQLIntValue i => (string)i.Value,
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value?.ToString();

    public override object? Serialize(object? value) => value?.ToString();
}
