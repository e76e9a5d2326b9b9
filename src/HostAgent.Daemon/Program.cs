Console.WriteLine("hostagent");
