using System.Text.Json.Serialization;

namespace HostAgent.Linux.IntegrationTests.Bgp;

/// <summary>Source-generated JSON for the lab's config snippets.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class LabJson : JsonSerializerContext;
