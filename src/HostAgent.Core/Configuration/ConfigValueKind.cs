namespace HostAgent.Core.Configuration;

/// <summary>The JSON type a key takes; tells how to convert an environment variable's text.</summary>
internal enum ConfigValueKind
{
    Boolean,
    Integer,
    String,
    SysctlMap,

    /// <summary>A list or an object: an environment variable holds it as JSON text.</summary>
    Json,
}
