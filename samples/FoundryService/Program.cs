using FoundryService;
using FoundryService.ComputeDna;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, FoundryJsonContext.Default));

var app = builder.Build();
app.UseStaticFiles();
app.MapComputeDna();
app.Run();
