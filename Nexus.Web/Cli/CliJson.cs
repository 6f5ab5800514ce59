using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Web.Cli;

/// <summary>One JSON shape for every verb's <c>--json</c> output: camelCase, indented, enums as strings.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output is read by people and scripts, never embedded in HTML: "A+" stays "A+", not "A\u002B".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
