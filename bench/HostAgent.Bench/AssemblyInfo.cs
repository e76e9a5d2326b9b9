// The benchmarks drive Linux namespaces, daemons and the agent's Linux adapters: they only ever run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
