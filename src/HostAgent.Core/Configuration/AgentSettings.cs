namespace HostAgent.Core.Configuration;

/// <summary>The "agent" section: how the agent itself runs.</summary>
public sealed record AgentSettings
{
    public const string DefaultGrpcSocket = "/run/hostagent/hostagent.sock";
    public const string DefaultMetricsListen = "127.0.0.1:9469";

    /// <summary>When true no component changes anything: plans are reported as drift only.</summary>
    public bool ObserveOnly { get; init; }

    /// <summary>Safety-net period at which every component runs even without an event.</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before retrying a failed reconcile; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryMinDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public string GrpcSocket { get; init; } = DefaultGrpcSocket;

    /// <summary>Unix permission bits of the gRPC socket (0660: root and the socket's group).</summary>
    public int GrpcSocketMode { get; init; } = Convert.ToInt32("660", 8);

    /// <summary>host:port for /metrics; empty disables the endpoint.</summary>
    public string MetricsListen { get; init; } = DefaultMetricsListen;

    /// <summary>Minimum log level: Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary>
    /// systemd units whose state the agent follows and reports (status, events, metrics), besides those its
    /// components own; by default the log daemon and Docker, which the pods depend on.
    /// </summary>
    public EquatableList<string> FollowUnits { get; init; } = DefaultFollowUnits;

    public static EquatableList<string> DefaultFollowUnits { get; } = new(["rsyslog.service", "docker.service"]);
}
