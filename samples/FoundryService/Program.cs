var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/compute-dna/", () => "Hello from the foundry");
app.Run();
