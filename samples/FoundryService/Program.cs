using FoundryService;
using FoundryService.ComputeDna;
using FoundryService.Results;
using FoundryService.SequenceImports;
using FoundryService.Tasks;
using Serverless.WebApp.Hosting;
using Serverless.WebApp.Hosting.Tasks;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddServerlessWebAppSecrets();
builder.Services.AddServerlessWebApp();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, FoundryJsonContext.Default));
builder.Services.AddOptions<FoundryOptions>()
    .Bind(builder.Configuration.GetSection(FoundryOptions.Section))
    .Validate(FoundryOptions.IsValidComputeDuration, FoundryOptions.ComputeDurationError)
    .ValidateOnStart();
builder.Services.Configure<ServerlessWebAppTaskOptions>(builder.Configuration.GetSection("ServerlessTasks"));
builder.Services.AddDnaResultStore();

var app = builder.Build();
app.UseStaticFiles();
app.MapComputeDna();
app.MapTaskStatus();
app.MapResultCommands();
app.MapSequenceImports();
app.MapTask<ComputeDnaPayload>(ComputeDnaTask.Name, ComputeDnaTask.RunAsync, FoundryJsonContext.Default.ComputeDnaPayload);
app.Run();
