namespace HostAgent.Core.Units;

/// <summary>Names and dispatch of <see cref="UnitAction"/>.</summary>
public static class UnitActions
{
    /// <summary>The name used in logs, metrics and the CLI: "start", "restart", "reload-or-restart".</summary>
    public static string Name(this UnitAction action) => action switch
    {
        UnitAction.Start => "start",
        UnitAction.Restart => "restart",
        UnitAction.ReloadOrRestart => "reload-or-restart",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static Task<UnitJobResult> RunAsync(this IServiceManager manager, UnitAction action, string unit, CancellationToken cancellationToken) =>
        action switch
        {
            UnitAction.Start => manager.StartAsync(unit, cancellationToken),
            UnitAction.Restart => manager.RestartAsync(unit, cancellationToken),
            UnitAction.ReloadOrRestart => manager.ReloadOrRestartAsync(unit, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
}
