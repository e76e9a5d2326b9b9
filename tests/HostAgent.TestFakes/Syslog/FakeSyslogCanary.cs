using HostAgent.Core.Syslog;

namespace HostAgent.TestFakes;

/// <summary>A canary that answers from the fake directory: accepted when a socket is there, unless told otherwise.</summary>
public sealed class FakeSyslogCanary : ISyslogCanary
{
    private readonly FakeSocketDirectory _directory;

    public FakeSyslogCanary(FakeSocketDirectory directory)
    {
        _directory = directory;
    }

    /// <summary>The outcome while a socket is present; Accepted unless a test makes it refuse.</summary>
    public CanaryOutcome WhenPresent { get; set; } = CanaryOutcome.Accepted;

    public int Sent { get; private set; }

    /// <summary>Outcomes to give first, one per send, while a socket is present; then <see cref="WhenPresent"/>.</summary>
    public Queue<CanaryOutcome> Next { get; } = new();

    public CanaryResult Send(string socketPath)
    {
        Sent++;
        var present = _directory.Observe(socketPath, false).Kind == PathKind.Socket;
        var outcome = !present ? CanaryOutcome.Missing : Next.TryDequeue(out var scripted) ? scripted : WhenPresent;
        return new CanaryResult(outcome, outcome == CanaryOutcome.Accepted ? "ok" : "fake");
    }
}
