module example.com/orders

go 1.26

require github.com/avast/retry-go/v4 v4.6.1

replace github.com/avast/retry-go/v4 => ../stubs/retry-go
