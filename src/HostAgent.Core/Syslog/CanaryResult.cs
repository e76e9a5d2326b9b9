namespace HostAgent.Core.Syslog;

public enum CanaryOutcome
{
    /// <summary>The socket took the message.</summary>
    Accepted,

    /// <summary>No socket at the path.</summary>
    Missing,

    /// <summary>A socket file nobody reads (ECONNREFUSED): rsyslogd is gone and nothing holds the socket.</summary>
    Refused,

    /// <summary>The socket's queue is full (EAGAIN): something holds it but nobody reads it.</summary>
    Full,

    /// <summary>Any other error.</summary>
    Failed,
}

/// <summary>The result of writing one tagged message to the log socket, without waiting.</summary>
public sealed record CanaryResult(CanaryOutcome Outcome, string Detail)
{
    public bool Accepted => Outcome == CanaryOutcome.Accepted;

    public override string ToString() => Accepted ? "accepted" : $"{Outcome.ToString().ToLowerInvariant()}: {Detail}";
}
