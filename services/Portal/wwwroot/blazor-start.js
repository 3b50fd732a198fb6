// The circuit's connection is one WebSocket request, without negotiate first: with several portal replicas behind the
// gateway, a negotiate answered by one and the connect sent to another would never meet. '_blazor' is relative to the
// document's base (/portal/), as Blazor's own default is; transport 1 is SignalR's HttpTransportType.WebSockets.
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 }),
    },
});
