// The circuit connects by WebSocket without a negotiate request first: with several portal processes behind one
// address, a negotiate answered by one and a connect sent to another would not find each other's connection.
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 }),
    },
});
