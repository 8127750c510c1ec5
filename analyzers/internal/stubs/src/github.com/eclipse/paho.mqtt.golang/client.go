// Package mqtt is a stub of github.com/eclipse/paho.mqtt.golang for
// analyzer tests: the real signatures of the functions twice matches.
package mqtt

import "time"

type Token interface {
	Wait() bool
	WaitTimeout(time.Duration) bool
	Error() error
}

type Client interface {
	IsConnected() bool
	Publish(topic string, qos byte, retained bool, payload interface{}) Token
	Subscribe(topic string, qos byte, callback func()) Token
}

type token struct{}

func (token) Wait() bool                     { return true }
func (token) WaitTimeout(time.Duration) bool { return true }
func (token) Error() error                   { return nil }

type client struct{ obound chan interface{} }

func (c *client) IsConnected() bool { return true }

func (c *client) Publish(topic string, qos byte, retained bool, payload interface{}) Token {
	c.obound <- payload
	return token{}
}

func (c *client) Subscribe(topic string, qos byte, callback func()) Token { return token{} }

func NewClient() Client { return &client{} }
