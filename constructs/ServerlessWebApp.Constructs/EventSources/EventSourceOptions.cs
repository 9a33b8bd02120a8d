namespace Serverless.WebApp.Constructs.EventSources;

/// <summary>Options every event source has.</summary>
public class EventSourceOptions
{
    /// <summary>The function that receives the records. Default: <see cref="EventSourceFunction.Worker"/>.</summary>
    public EventSourceFunction? Function { get; set; }
}
