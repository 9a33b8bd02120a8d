namespace Serverless.WebApp.CdkApp;

/// <summary>The caller's account is needed (a stage is bound to it) but cannot be determined.</summary>
public sealed class AccountResolutionException(string message, Exception? inner = null) : Exception(message, inner);
