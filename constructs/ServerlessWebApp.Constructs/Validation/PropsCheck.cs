namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// One group of checks over a construct's props (e.g. the function settings, the front door, the tasks): records every
/// problem it finds in <paramref name="findings"/> and never throws, so a synth reports all problems at once.
/// </summary>
internal delegate void PropsCheck<in TProps>(Findings findings, TProps props);
