using System.Text.Json;

namespace HostAgent.Core.Configuration;

/// <summary>One value as found in the file or an environment variable, with where to point errors.</summary>
/// <param name="Element">The value; environment text is converted to the JSON type its key expects.</param>
/// <param name="Path">The path shown in errors, naming the variable when the value came from the environment.</param>
/// <param name="Raw">The value as written, in JSON notation.</param>
/// <param name="Order">Position among everything read, so errors come out in document order.</param>
internal sealed record ConfigValue(JsonElement Element, string Path, string Raw, int Order);
