namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// A check that needs the finished construct tree (say, VPC endpoints the app adds after creating the construct): runs
/// when the app is synthesized, over the built <paramref name="construct"/>, and records what it finds in
/// <paramref name="findings"/> like a <see cref="PropsCheck{TProps}"/>.
/// </summary>
internal delegate void SynthCheck<in TConstruct>(Findings findings, TConstruct construct);
