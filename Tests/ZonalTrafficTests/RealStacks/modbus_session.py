"""A real Modbus/TCP exchange between pymodbus's server and client on 127.0.0.1, for Zonal's capture tests.

Usage: python3 modbus_session.py PORT
Prints the function codes the client sent, one per line, so the test knows what the capture must contain.
"""
import asyncio
import sys

from pymodbus.client import AsyncModbusTcpClient
from pymodbus.datastore import ModbusDeviceContext, ModbusSequentialDataBlock, ModbusServerContext
from pymodbus.server import ModbusTcpServer


async def main(port: int) -> None:
    # pymodbus 3.16 refuses a block starting at address 0; start at 1.
    block = ModbusSequentialDataBlock(1, [0] * 200)
    device = ModbusDeviceContext(di=block, co=block, hr=block, ir=block)
    server = ModbusTcpServer(ModbusServerContext(devices=device, single=True), address=("127.0.0.1", port))
    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.5)
    client = AsyncModbusTcpClient("127.0.0.1", port=port)
    await client.connect()
    sent = []
    for _ in range(3):
        await client.read_holding_registers(10, count=4)
        sent.append(3)
    await client.read_input_registers(10, count=2)
    sent.append(4)
    await client.read_coils(1, count=8)
    sent.append(1)
    await client.write_register(20, 1234)
    sent.append(6)
    await client.write_registers(30, [1, 2, 3])
    sent.append(16)
    await client.write_coil(5, True)
    sent.append(5)
    client.close()
    await server.shutdown()
    serving.cancel()
    for code in sent:
        print(code)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
