using HostAgent.Core.Bgp;

namespace HostAgent.Core.Tests.Bgp;

internal sealed class RecordingBgpMetrics : IBgpMetrics
{
    private readonly List<BgpApplyResult> _applies = [];

    public BgpStatus? Last { get; private set; }

    public IReadOnlyList<BgpApplyResult> Applies => _applies;

    public void Observed(BgpStatus status) => Last = status;

    public void ApplyCompleted(BgpApplyResult result, TimeSpan duration) => _applies.Add(result);
}
