using System.Text.Encodings.Web;
using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>How values and paths are spelled in error messages.</summary>
internal static class ConfigText
{
    /// <summary>A string in JSON notation, as an operator would write it in the file.</summary>
    public static string Quote(string text) =>
        $"\"{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    /// <summary>"parent.key", or parent["key"] when the key would make a dotted path ambiguous.</summary>
    public static string Child(string parent, string key)
    {
        if (key.Length > 0 && key.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }
        return $"{(parent.Length == 0 ? "$" : parent)}[{Quote(key)}]";
    }

    /// <summary>Sysctl names contain dots, so they are always written in bracket form.</summary>
    public static string Sysctl(string name) => $"network.sysctls[{Quote(name)}]";
}
